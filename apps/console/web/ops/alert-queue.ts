import { ApiRefused, getJson, postJson } from '../shared/api';
import { clear, h } from '../shared/dom';
import { formatAge, t, type MessageKey } from '../shared/i18n';

type QueuedAlert = Readonly<{
  alertId: string;
  receivedAt: string;
  status: string;
  threat?: { kind: string };
  location?: { lat: number; lon: number; place?: string; cercle?: string };
  triage?: { priority: string };
}>;

const PRIORITIES = ['flash', 'immediate', 'routine'] as const;

/** The open alerts, oldest first: the one waiting longest is the one to act on. */
export const alertQueue = (canAct: boolean, notify: (message: string, flash?: boolean) => void) => {
  const body = h('tbody');
  const seenFlash = new Set<string>();

  const act = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
      notify(label);
      await refresh();
    } catch (error) {
      notify(t('error.generic', { detail: error instanceof ApiRefused ? error.problem.detail : String(error) }));
    }
  };
  const actions = (a: QueuedAlert): HTMLElement => {
    // No priority is chosen for an untriaged alert: a Triage pressed by mistake must not make it flash.
    const priority = h('select', { 'aria-label': t('ops.priority'), 'data-priority-for': a.alertId },
      h('option', { value: '', selected: !a.triage }, '—'),
      ...PRIORITIES.map((p) => h('option', { value: p, selected: a.triage?.priority === p }, t(`priority.${p}` as MessageKey))));
    return h('td', { class: 'actions' },
      priority,
      h('button', { type: 'button', 'data-action': 'triage', onclick: () => (priority.value === '' ? (priority.focus(), undefined) : act(t('ops.triaged', { id: a.alertId.slice(0, 8), priority: priority.value }), () => postJson(`/alerts/${a.alertId}/triage`, { priority: priority.value }))) }, t('ops.triage')),
      a.location &&
        h('button', { type: 'button', 'data-action': 'flight', onclick: () => act(t('ops.flightSent', { id: a.alertId.slice(0, 8) }), () =>
          postJson('/flights', { dispatchedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), target: { lat: a.location!.lat, lon: a.location!.lon, radiusKm: 10 }, alertIds: [a.alertId] })) }, t('ops.flight')));
  };
  const row = (a: QueuedAlert): HTMLElement =>
    h('tr', { 'data-alert-id': a.alertId, class: `prio-${a.triage?.priority ?? 'none'}` },
      h('td', { title: a.receivedAt }, formatAge(a.receivedAt)),
      h('td', {}, a.threat ? t(`threat.${a.threat.kind}` as MessageKey) : ''),
      h('td', {}, a.location?.place ?? a.location?.cercle ?? (a.location ? `${a.location.lat.toFixed(3)}, ${a.location.lon.toFixed(3)}` : '')),
      h('td', {}, a.triage ? t(`priority.${a.triage.priority}` as MessageKey) : '—'),
      canAct ? actions(a) : null);

  const refresh = async (minPosition?: number): Promise<void> => {
    const open = await getJson<QueuedAlert[]>(`/alerts?status=open&limit=200${minPosition ? `&minPosition=${minPosition}` : ''}`);
    const triaged = await getJson<QueuedAlert[]>(`/alerts?status=triaged&limit=200${minPosition ? `&minPosition=${minPosition}` : ''}`);
    // Triaged but not yet answered or closed is still waiting for someone.
    const waiting = [...open, ...triaged].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    clear(body, ...(waiting.length ? waiting.map(row) : [h('tr', {}, h('td', { colspan: 5 }, t('ops.queueEmpty')))]));
    for (const a of waiting) {
      if (a.triage?.priority === 'flash' && !seenFlash.has(a.alertId)) {
        seenFlash.add(a.alertId);
        notify(t('ops.flash', { place: a.location?.place ?? a.location?.cercle ?? a.alertId.slice(0, 8) }), true);
      }
    }
  };
  const element = h('section', { class: 'panel queue', 'data-queue': '' }, h('h2', {}, t('ops.queue')), h('table', {}, body));
  return { element, refresh };
};
