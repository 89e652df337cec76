import { api, ApiRefused, getJson, query } from '../shared/api';
import { clear, h } from '../shared/dom';
import { t } from '../shared/i18n';

/** Pooled days count `incidents`; a patrol's own days call the same number `count`. */
type Day = Readonly<{ day: number; incidents?: number; count?: number; atRisk: number; rate: number | null; rateRatio: number | null; ci95: [number, number | null] | null; provisional: boolean }>;
type Curve = Readonly<{ episodes: number; baselineRate: number | null; horizonDays: number | null; days: readonly Day[] }>;

const num = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined ? '—' : v.toFixed(digits));

/**
 * The pooled curve for an operation / cercle / period as recorded by a date, or one patrol's
 * own curve: the chart (the API's SVG, fetched with the key and shown from a blob) and the
 * day-by-day table behind it, so the figures can be read and checked, not only seen.
 */
export const deterrencePanel = () => {
  const field = (id: string, label: string, attrs: Record<string, string> = {}) => {
    const input = h('input', { id, type: 'text', ...attrs });
    return { input, element: h('label', { for: id }, label, ' ', input) };
  };
  const operation = field('a-operation', t('analyst.operation'), { placeholder: 'Buffalo' });
  const cercle = field('a-cercle', t('analyst.cercle'));
  const from = field('a-from', t('analyst.from'), { type: 'date' });
  const to = field('a-to', t('analyst.to'), { type: 'date' });
  const asOf = field('a-asof', t('analyst.asOf'), { type: 'date' });
  const radius = field('a-radius', t('analyst.radius'), { value: '10', inputmode: 'decimal', size: '4' });
  const title = h('h3', { 'data-curve-title': '' });
  const summary = h('p', { 'data-curve-summary': '' });
  const image = h('img', { 'data-chart-img': '', alt: t('analyst.title'), hidden: true });
  const table = h('table', { 'data-curve-table': '' });
  const error = h('p', { class: 'error', role: 'alert' });
  let patrolId: string | undefined;
  let chartUrl: string | undefined;

  const params = () => ({ operation: operation.input.value.trim(), cercle: cercle.input.value.trim(), from: from.input.value, to: to.input.value, asOf: asOf.input.value, radiusKm: radius.input.value.trim() });
  const render = (curve: Curve): void => {
    summary.textContent = [
      t('analyst.episodes', { n: curve.episodes }),
      t('analyst.baseline', { rate: num(curve.baselineRate) }),
      curve.horizonDays === null ? t('analyst.noHorizon') : t('analyst.horizon', { n: curve.horizonDays }),
    ].join(' · ');
    clear(table,
      h('thead', {}, h('tr', {}, ...(['analyst.day', 'analyst.incidents', 'analyst.rate', 'analyst.ratio', 'analyst.ci'] as const).map((k) => h('th', {}, t(k))))),
      h('tbody', {}, ...curve.days.map((d) => h('tr', { 'data-day': d.day, class: d.provisional ? 'provisional' : '' },
        h('td', {}, d.day), h('td', { class: 'num' }, `${d.incidents ?? d.count ?? 0} / ${d.atRisk}`), h('td', { class: 'num' }, num(d.rate)), h('td', { class: 'num' }, num(d.rateRatio, 2)),
        h('td', { class: 'num' }, d.ci95 ? `${num(d.ci95[0], 2)} – ${num(d.ci95[1], 2)}` : '—')))));
  };
  const show = async (): Promise<void> => {
    clear(error);
    try {
      const p = params();
      if (patrolId) {
        title.textContent = t('analyst.patrol', { id: patrolId });
        image.hidden = true;
        render(await getJson<Curve>(`/patrols/${patrolId}/deterrence${query({ asOf: p.asOf, radiusKm: p.radiusKm })}`));
        return;
      }
      title.textContent = [t('analyst.title'), p.operation, p.cercle].filter(Boolean).join(' — ');
      render(await getJson<Curve>(`/deterrence${query(p)}`));
      const svg = await (await api(`/deterrence/chart.svg${query(p)}`, { headers: { accept: 'image/svg+xml' } })).blob();
      if (chartUrl) URL.revokeObjectURL(chartUrl);
      chartUrl = URL.createObjectURL(svg);
      image.src = chartUrl;
      image.hidden = false;
    } catch (e) {
      error.textContent = t('error.generic', { detail: e instanceof ApiRefused ? e.problem.detail : String(e) });
    }
  };
  const downloadCsv = async (): Promise<void> => {
    const csv = await (await api(`/deterrence${query(params())}`, { headers: { accept: 'text/csv' } })).blob();
    const link = h('a', { href: URL.createObjectURL(csv), download: 'deterrence.csv' });
    link.click();
  };
  const element = h('section', { class: 'panel', 'data-deterrence': '' },
    h('h2', {}, t('analyst.title')),
    h('form', { class: 'filters', onsubmit: (e: Event) => (e.preventDefault(), (patrolId = undefined), void show()) },
      operation.element, cercle.element, from.element, to.element, asOf.element, radius.element,
      h('button', { type: 'submit', class: 'primary', 'data-show-curve': '' }, t('analyst.show')),
      h('button', { type: 'button', onclick: () => void downloadCsv() }, t('analyst.csv'))),
    error, title, summary, image, table);
  return { element, showPatrol: (id: string) => ((patrolId = id), void show()) };
};
