// Functions passed to page.evaluate run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { API_KEYS, at, BANKASS, KEYS, runAlertFlow } from '../support/alert-flow';
import { client } from '../support/http-client';
import { launchChromium } from './support/chromium';
import { screenshot, signedIn, type ConsolePage } from './support/console-page';

/**
 * The console in a real Chromium against the embedded app as `npm start` runs it: what a
 * hotline operator, the operations centre and an analyst do, checked against what the API
 * then holds (never against what the page says about itself alone).
 */
describe('web console in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  const opened: ConsolePage[] = [];
  const open = async (key: string, lang: 'fr' | 'en' = 'en'): Promise<ConsolePage> => {
    const page = await signedIn(browser, app.url, key, lang);
    opened.push(page);
    return page;
  };
  const ops = () => client(app.url, KEYS.ops);
  const storedAlerts = async (marker: string): Promise<{ alertId: string; description?: string }[]> =>
    ((await ops().get('/alerts?limit=1000')).body as { alertId: string; description?: string }[]).filter((a) => a.description?.includes(marker));

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp('apps/all-in-one/src/main.ts', { DATA_DIR: tempDir('poc-console-'), API_KEYS, LOG_LEVEL: 'warn' }), launchChromium()]);
    await runAlertFlow(app.url, app.url);
  });
  afterEach(async () => {
    for (const p of opened.splice(0)) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.kill();
  });

  const tabTo = async (page: Page, selector: string): Promise<void> => {
    for (let i = 0; i < 40; i++) {
      if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} not reachable by Tab`);
  };

  it('an operator types an alert by keyboard alone; it is stored and waits in the operations queue', async () => {
    const { page } = await open(KEYS.operator);
    await tabTo(page, '#f-channel');
    await tabTo(page, '#f-threat-kind');
    await page.keyboard.press('ArrowDown'); // armed-group-movement
    await tabTo(page, '#f-place');
    await page.keyboard.type('ogossa');
    await page.locator('#place-options li[role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, '#f-description');
    await page.keyboard.type('kbd-1: men on motorbikes east of the village');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Amadou');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+223 70 00 00 01');
    await page.keyboard.press('Control+Enter');
    const row = page.locator('[data-outbox] [data-status=sent]').first();
    await row.waitFor();
    const alertId = await row.getAttribute('data-alert-id');
    await screenshot(page, 'hotline');

    const [stored] = await storedAlerts('kbd-1');
    expect(stored).toMatchObject({ alertId, channel: 'hotline', threat: { kind: 'armed-group-movement' }, location: { place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' }, hasCaller: true });

    const opsPage = (await open(KEYS.ops)).page;
    await opsPage.locator(`[data-queue] [data-alert-id="${alertId}"]`).waitFor();
  });

  it('shows the API’s refusal next to the field it names, and stores nothing', async () => {
    const { page } = await open(KEYS.operator);
    await page.locator('#f-lat').fill('abc');
    await page.locator('#f-lon').fill('-3.6');
    await page.locator('#f-description').fill('bad-1');
    await page.locator('#f-description').press('Control+Enter');
    const error = page.locator('[data-error-for="location.lat"]:not(:empty)');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/lat/);
    await expect(page.locator('#f-lat').getAttribute('aria-invalid')).resolves.toBe('true');
    // The form keeps what was typed, for correction.
    await expect(page.locator('#f-lat').inputValue()).resolves.toBe('abc');
    expect(await storedAlerts('bad-1')).toEqual([]);
  });

  it('keeps alerts typed while the link is down and sends each exactly once when it returns', async () => {
    const { page } = await open(KEYS.operator);
    let lostAnswers = 0;
    // The link is down for POST /alerts; the first try of the first alert reaches the server but its answer is lost.
    await page.route('**/alerts', async (route) => {
      if (lostAnswers === 0) {
        lostAnswers++;
        await route.fetch();
      }
      await route.abort('internetdisconnected');
    });
    for (const n of [1, 2, 3]) {
      await page.locator('#f-lat').fill(String(BANKASS.lat));
      await page.locator('#f-lon').fill(String(BANKASS.lon));
      await page.locator('#f-description').fill(`outbox-${n}`);
      await page.locator('#f-description').press('Control+Enter');
      await page.locator('[data-form-notice]').filter({ hasText: 'kept' }).waitFor();
      await page.locator('[data-form-notice]').evaluate((el) => (el.textContent = ''));
    }
    await expect(page.locator('[data-outbox] [data-status=waiting]').count()).resolves.toBe(3);
    await expect(page.locator('[data-link]').getAttribute('data-link')).resolves.toBe('down');
    await screenshot(page, 'hotline-link-down');

    await page.unroute('**/alerts');
    await page.locator('[data-outbox] [data-status=sent]').nth(2).waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-outbox] [data-status=waiting]').count()).resolves.toBe(0);
    const stored = await storedAlerts('outbox-');
    expect(stored.map((a) => a.description).sort()).toEqual(['outbox-1', 'outbox-2', 'outbox-3']);
  });

  it('shows the operations centre a new incident on the map without a reload', async () => {
    const { page } = await open(KEYS.ops);
    const map = page.locator('[data-map][data-ready]');
    await map.waitFor();
    await page.locator('[data-live=on]').waitFor();
    const before = Number(await map.getAttribute('data-incidents-count'));
    const posted = await client(app.url, KEYS.ops).post('/incidents', { occurredAt: '2020-03-03T05:00:00Z', location: at(BANKASS), kind: 'attack-on-civilians', fatalities: 2, source: 'civilian' });
    expect(posted.status).toBe(201);
    const started = Date.now();
    await page.waitForFunction((n) => Number(document.querySelector('[data-map]')?.getAttribute('data-incidents-count')) === n, before + 1, { timeout: 10_000 });
    process.stdout.write(`[console] new incident on the map ${Date.now() - started} ms after its 201\n`);
    await expect(map.getAttribute('data-position')).resolves.toBe(String(posted.body.position));
    await screenshot(page, 'ops');
  });

  it('opens the deterrence curve for an analyst, the figures those of the API', async () => {
    const { page } = await open(KEYS.analyst);
    await page.locator('#a-operation').fill('Buffalo');
    await page.locator('[data-show-curve]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-curve-table] tbody tr').nth(13).waitFor();
    await page.waitForFunction(() => ((document.querySelector('[data-chart-img]') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    const api = (await client(app.url, KEYS.analyst).get('/deterrence?operation=Buffalo&radiusKm=10')).body as { episodes: number; days: { day: number; incidents: number; atRisk: number }[] };
    const cells = await page.locator('[data-curve-table] tbody tr td:nth-child(2)').allTextContents();
    expect(cells).toEqual(api.days.map((d) => `${d.incidents} / ${d.atRisk}`));
    await expect(page.locator('[data-curve-summary]').textContent()).resolves.toContain(`Episodes: ${api.episodes}`);
    await screenshot(page, 'analyst');
  });

  it('gives an analyst the period report, every figure that of the API with the route that lists it', async () => {
    const { page } = await open(KEYS.analyst);
    await page.locator('#r-from').fill('2000-01-01');
    await page.locator('#r-to').fill('2099-12-31');
    // A fixed asOf: "now" would differ between the page's request and this test's.
    await page.locator('#r-asof').fill('2099-12-31');
    await page.locator('[data-show-report]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-report-section=incidents] [data-figure]').first().waitFor();
    type Report = { sections: { id: string; figures: { key: string; value: number | null; trace: string }[] }[] };
    const api = (await client(app.url, KEYS.analyst).get('/reports/period?from=2000-01-01&to=2099-12-31&asOf=2099-12-31')).body as Report;
    const figures = api.sections.flatMap((s) => s.figures);
    expect(figures.length).toBeGreaterThan(0);
    const shown = await page.locator('[data-figure]').evaluateAll((rows) =>
      rows.map((r) => ({ key: r.getAttribute('data-figure'), value: r.querySelector('[data-value]')!.getAttribute('data-value'), trace: r.querySelector('code')!.textContent })));
    expect(shown).toEqual(figures.map((f) => ({ key: f.key, value: f.value === null ? 'null' : String(f.value), trace: f.trace })));
    expect(figures.find((f) => f.key === 'alerts.received')!.value).toBeGreaterThan(0);
    await page.locator('[data-report-panel]').scrollIntoViewIfNeeded();
    await screenshot(page, 'report');
  });

  it('speaks French after switching language, and keeps it', async () => {
    const { page } = await open(KEYS.operator, 'en');
    await expect(page.locator('label[for=f-channel]').textContent()).resolves.toBe('Channel');
    await page.locator('[data-lang-switch]').click();
    // The page renders again once GET /me has answered: wait for it, do not read at once.
    await page.locator('label[for=f-channel]', { hasText: 'Canal' }).waitFor();
    await expect(page.locator('label[for=f-channel]').textContent()).resolves.toBe('Canal');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await page.reload();
    await page.locator('#signin-key, label[for=f-channel]').first().waitFor();
    await expect(page.locator('button[type=submit]').first().textContent()).resolves.toMatch(/Se connecter|Envoyer/);
  });

  it('shows each role only what it may do', async () => {
    const operator = (await open(KEYS.operator)).page;
    await expect(operator.locator('[data-view]').evaluateAll((els) => els.map((e) => e.getAttribute('data-view')))).resolves.toEqual(['hotline']);

    const analyst = (await open(KEYS.analyst)).page;
    await analyst.locator('[data-view=ops]').click();
    await analyst.locator('[data-queue] [data-alert-id]').first().waitFor();
    await expect(analyst.locator('[data-queue] [data-action]').count()).resolves.toBe(0);
    await expect(analyst.locator('[data-view=hotline]').count()).resolves.toBe(0);

    const opsPage = (await open(KEYS.ops)).page;
    await opsPage.locator('[data-queue] [data-action=triage]').first().waitFor();
  });

  it('refuses a wrong key at sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('#signin-key').fill('not-a-key-at-all');
    await page.keyboard.press('Enter');
    await page.locator('[data-signin-error]').waitFor();
    // The key stays in the tab's session storage at most, never in the address.
    expect(page.url()).not.toContain('not-a-key');
    await context.close();
  });
});
