import { getJson } from '../shared/api';
import { clear, h } from '../shared/dom';
import { formatTime, t, type MessageKey } from '../shared/i18n';
import { onOutboxChange } from './outbox';
import { allEntries, type OutboxEntry } from './outbox-store';

type AlertStatus = Readonly<{ alertId: string; status: 'open' | 'triaged' | 'closed'; priority?: string; flightSent: boolean; patrolSent: boolean }>;

const REFRESH_MS = 10_000;
const SHOWN = 15;

const progress = (s: AlertStatus | undefined): string => {
  if (!s) return '';
  if (s.status === 'closed') return t('status.closed');
  const parts = [t(`status.${s.status}` as MessageKey)];
  if (s.priority) parts.push(t(`priority.${s.priority}` as MessageKey));
  if (s.flightSent) parts.push(t('status.flight'));
  if (s.patrolSent) parts.push(t('status.patrol'));
  return parts.join(' · ');
};

/** The alerts typed in this browser by this operator, newest first: waiting, sent (and how far they got), refused. */
export const myAlerts = (actor: string): HTMLElement => {
  const body = h('tbody');
  const statuses = new Map<string, AlertStatus>();
  const row = (e: OutboxEntry): HTMLElement => {
    const location = e.body.location as { place?: string; lat?: unknown; lon?: unknown } | undefined;
    const threat = e.body.threat as { kind?: string } | undefined;
    return h('tr', { 'data-outbox-entry': e.key, 'data-status': e.status, ...(e.alertId && { 'data-alert-id': e.alertId }) },
      h('td', {}, formatTime(e.typedAt)),
      h('td', {}, threat?.kind ? t(`threat.${threat.kind}` as MessageKey) : ''),
      h('td', {}, location?.place ?? `${String(location?.lat ?? '')}, ${String(location?.lon ?? '')}`),
      h('td', { class: `delivery ${e.status}` }, t(`outbox.${e.status}` as MessageKey)),
      h('td', { 'data-progress': '' }, e.alertId ? progress(statuses.get(e.alertId)) : ''));
  };
  const render = async (): Promise<void> => {
    const mine = (await allEntries()).filter((e) => e.actor === actor).reverse().slice(0, SHOWN);
    clear(body, ...(mine.length ? mine.map(row) : [h('tr', {}, h('td', { colspan: 5 }, t('outbox.empty')))]));
  };
  const refresh = async (): Promise<void> => {
    const sent = (await allEntries()).filter((e) => e.actor === actor && e.alertId).slice(-SHOWN);
    await Promise.all(sent.map(async (e) => statuses.set(e.alertId!, await getJson<AlertStatus>(`/alerts/${e.alertId}/status`).catch(() => statuses.get(e.alertId!)!))));
    await render();
  };
  onOutboxChange(() => void refresh());
  window.setInterval(() => void refresh(), REFRESH_MS);
  void refresh();
  return h('section', { class: 'panel', 'data-outbox': '' },
    h('h2', {}, t('outbox.title')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('form.receivedAt')), h('th', {}, t('form.threatKind')), h('th', {}, t('form.place')), h('th', {}, t('outbox.delivery')), h('th', {}, t('outbox.status')))), body));
};
