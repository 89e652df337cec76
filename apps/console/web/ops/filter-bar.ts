import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { INCIDENT_KINDS } from './layer-styles';
import type { Filters } from './map-layers';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const MAX_DAYS = 365;

/**
 * Dates by typing (from/to) or by the slider (the last N days up to "to"; at its right end,
 * all dates). Cercle, incident kind and alert priority narrow the layers they apply to.
 */
export const filterBar = (onApply: (filters: Filters) => void): HTMLElement => {
  const from = h('input', { type: 'date', id: 'flt-from' });
  const to = h('input', { type: 'date', id: 'flt-to' });
  const slider = h('input', { type: 'range', id: 'flt-days', min: 1, max: MAX_DAYS + 1, value: MAX_DAYS + 1, 'aria-valuetext': t('ops.allTime') });
  const sliderLabel = h('output', { for: 'flt-days' }, t('ops.allTime'));
  const cercle = h('input', { type: 'text', id: 'flt-cercle', size: 12 });
  const kind = h('select', { id: 'flt-kind' }, h('option', { value: '' }, t('ops.any')), ...INCIDENT_KINDS.map((k) => h('option', { value: k }, k)));
  const priority = h('select', { id: 'flt-priority' }, h('option', { value: '' }, t('ops.any')), ...['flash', 'immediate', 'routine'].map((p) => h('option', { value: p }, t(`priority.${p}` as MessageKey))));

  const current = (): Filters => ({
    ...(from.value && { from: from.value }),
    ...(to.value && { to: to.value }),
    ...(cercle.value.trim() && { cercle: cercle.value.trim() }),
    ...(kind.value && { kind: kind.value }),
    ...(priority.value && { priority: priority.value }),
  });
  slider.addEventListener('input', () => {
    const days = Number(slider.value);
    if (days > MAX_DAYS) {
      from.value = '';
      sliderLabel.textContent = t('ops.allTime');
    } else {
      const end = to.value ? Date.parse(to.value) : Date.now();
      from.value = day(end - (days - 1) * DAY_MS);
      sliderLabel.textContent = t('ops.days', { n: days });
    }
    slider.setAttribute('aria-valuetext', sliderLabel.textContent ?? '');
  });
  slider.addEventListener('change', () => onApply(current()));
  const label = (id: string, key: MessageKey, control: HTMLElement) => h('label', { for: id }, t(key), ' ', control);
  return h('form', { class: 'filters', 'data-filters': '', onsubmit: (e: Event) => (e.preventDefault(), onApply(current())) },
    h('strong', {}, t('ops.filters')),
    label('flt-from', 'ops.from', from), label('flt-to', 'ops.to', to), h('span', { class: 'slider' }, slider, sliderLabel),
    label('flt-cercle', 'ops.cercle', cercle), label('flt-kind', 'ops.kind', kind), label('flt-priority', 'ops.priority', priority),
    h('button', { type: 'submit' }, t('ops.apply')));
};
