import { clear, h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import type { FieldProblem } from '../shared/api';
import { alertBody, nowText, type AlertDraft } from './alert-body';
import { submitAlert, dropEntry } from './outbox';
import { placeSearch, type Place } from './place-search';

const CHANNELS = ['hotline', 'radio', 'community-network', 'patrol', 'partner', 'other'] as const;
const THREATS = ['attack-on-civilians', 'armed-group-movement', 'ied', 'other'] as const;

/** The API's field path for each input: where its 400 is shown. */
const FIELDS: Record<keyof AlertDraft, string> = {
  channel: 'channel', receivedAt: 'receivedAt', threatKind: 'threat.kind', expectedAt: 'threat.expectedAt', place: 'location.place',
  lat: 'location.lat', lon: 'location.lon', precision: 'location.precision', cercle: 'location.cercle', region: 'location.region',
  description: 'description', callerName: 'caller.name', callerPhone: 'caller.phone',
};
const ID = (name: keyof AlertDraft): string => `f-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const field = (name: keyof AlertDraft, label: MessageKey, control: HTMLElement, extra: Record<string, string> = {}): HTMLElement =>
  h('div', { class: 'field', ...extra }, h('label', { for: ID(name) }, t(label)), control, h('p', { class: 'error', 'data-error-for': FIELDS[name], role: 'alert' }));

const input = (name: keyof AlertDraft, attrs: Record<string, string> = {}): HTMLInputElement => h('input', { id: ID(name), name, type: 'text', autocomplete: 'off', ...attrs });
const select = (name: keyof AlertDraft, options: readonly string[], label: (o: string) => string): HTMLSelectElement =>
  h('select', { id: ID(name), name }, ...options.map((o) => h('option', { value: o }, label(o))));

export type AlertForm = Readonly<{ element: HTMLElement; setPoint: (lat: number, lon: number) => void }>;

/** Built for a caller on the line: keyboard order follows the call, Ctrl+Enter sends from anywhere in the form. */
export const alertForm = (actor: string): AlertForm => {
  const notice = h('p', { class: 'notice', 'data-form-notice': '', role: 'status' });
  const values = (): AlertDraft =>
    Object.fromEntries((Object.keys(FIELDS) as (keyof AlertDraft)[]).map((k) => [k, (form.querySelector<HTMLInputElement>(`#${ID(k)}`)?.value ?? '')])) as AlertDraft;
  const set = (name: keyof AlertDraft, value: string): void => void (form.querySelector<HTMLInputElement>(`#${ID(name)}`)!.value = value);
  const fill = (p: Place): void => {
    set('lat', String(p.lat));
    set('lon', String(p.lon));
    set('precision', String(p.precision));
    set('cercle', p.cercle ?? '');
    set('region', p.region);
  };
  const showErrors = (errors: readonly FieldProblem[], detail: string): void => {
    form.querySelectorAll('[data-error-for]').forEach((el) => clear(el));
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    let first: HTMLElement | undefined;
    for (const { field: name, problems } of errors) {
      // `location` itself (missing, not an object) is shown at the latitude.
      const target = form.querySelector(`[data-error-for="${name}"]`) ?? form.querySelector(name.startsWith('location') ? '[data-error-for="location.lat"]' : '[data-form-notice]');
      if (target) target.textContent = problems.join('; ');
      const control = target?.parentElement?.querySelector<HTMLElement>('input, select, textarea');
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? undefined;
    }
    notice.textContent = `${t('form.rejected')} ${errors.length ? '' : detail}`;
    first?.focus();
  };
  const reset = (): void => {
    form.reset();
    set('receivedAt', nowText());
    form.querySelectorAll('[data-error-for]').forEach((el) => clear(el));
  };
  const submit = async (): Promise<void> => {
    const { entry, outcome } = await submitAlert(actor, alertBody(values()));
    if (outcome === 'rejected') {
      await dropEntry(entry.key);
      return showErrors(entry.problem?.errors ?? (entry.problem?.field ? [{ field: entry.problem.field, problems: [entry.problem.detail] }] : []), entry.problem?.detail ?? '');
    }
    reset();
    notice.textContent = t(outcome === 'sent' ? 'form.sent' : 'form.queued');
    form.querySelector<HTMLElement>('#f-channel')?.focus();
  };

  const form = h('form', { class: 'alert-form', 'data-alert-form': '', novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void submit()) },
    h('h2', {}, t('form.title')),
    h('div', { class: 'row' },
      field('channel', 'form.channel', select('channel', CHANNELS, (c) => t(`channel.${c}` as MessageKey))),
      field('receivedAt', 'form.receivedAt', input('receivedAt', { value: nowText(), placeholder: '2026-12-07 14:30' })),
      field('threatKind', 'form.threatKind', select('threatKind', THREATS, (k) => t(`threat.${k}` as MessageKey))),
      field('expectedAt', 'form.expectedAt', input('expectedAt', { placeholder: '2026-12-07 18:00' }))),
    placeSearch(`${t('form.place')} — ${t('form.mapHint')}`, fill),
    h('div', { class: 'row' },
      field('lat', 'form.lat', input('lat', { inputmode: 'decimal' })),
      field('lon', 'form.lon', input('lon', { inputmode: 'decimal' })),
      field('precision', 'form.precision', select('precision', ['1', '2', '3'], (p) => t(`precision.${p}` as MessageKey)), { class: 'field wide' }),
      field('cercle', 'form.cercle', input('cercle')),
      field('region', 'form.region', input('region'))),
    field('description', 'form.description', h('textarea', { id: ID('description'), name: 'description', rows: 3 })),
    h('fieldset', { class: 'protected' },
      h('legend', {}, t('form.caller')),
      h('div', { class: 'row' },
        field('callerName', 'form.callerName', input('callerName')),
        field('callerPhone', 'form.callerPhone', input('callerPhone', { inputmode: 'tel' })))),
    h('button', { type: 'submit', class: 'primary' }, t('form.submit')),
    notice,
  );
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void submit();
  });
  return {
    element: form,
    setPoint: (lat, lon) => {
      set('lat', lat.toFixed(4));
      set('lon', lon.toFixed(4));
      set('precision', '2');
    },
  };
};
