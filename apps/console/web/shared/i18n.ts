import { lang } from './session';
import { en } from './i18n.en';
import { fr } from './i18n.fr';

export type MessageKey = keyof typeof en;
const messages: Record<'en' | 'fr', Record<MessageKey, string>> = { en, fr };

/** A message in the chosen language, `{name}` filled from vars. */
export const t = (key: MessageKey, vars: Record<string, string | number> = {}): string =>
  messages[lang()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));

/** A message the server names (a report section's id): the server's own words when there is none. */
export const tOr = (key: string, fallback: string): string => (messages[lang()] as Record<string, string>)[key] ?? fallback;

export const formatTime = (iso: string | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
};

export const formatAge = (iso: string, now = Date.now()): string => {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return t('age.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('age.hours', { n: Math.floor(minutes / 60) });
  return t('age.days', { n: Math.floor(minutes / 1440) });
};
