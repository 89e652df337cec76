// Functions passed to page.evaluate run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../support/app-process';
import { VIEWPORT } from './chromium';

export type ConsolePage = Readonly<{ page: Page; context: BrowserContext; errors: string[] }>;

/** A fresh browser profile (its own sessionStorage and IndexedDB), signed in by typing the key as a person would. */
export const signedIn = async (browser: Browser, url: string, key: string, lang: 'fr' | 'en' = 'en'): Promise<ConsolePage> => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', timezoneId: 'UTC' });
  // Only the first load: a language switched in the page must survive a reload.
  await context.addInitScript((l) => localStorage.getItem('poc.lang') ?? localStorage.setItem('poc.lang', l), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && !/Failed to load resource|ERR_FAILED/.test(m.text()) && errors.push(m.text())));
  await page.goto(url);
  await page.locator('#signin-key').fill(key);
  await page.keyboard.press('Enter');
  await page.locator('header [data-role]').waitFor();
  return { page, context, errors };
};

/** Written by the test run: the README shows them. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  const dir = join(ROOT, 'docs', 'console');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
};
