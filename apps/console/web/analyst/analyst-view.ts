import { getJson } from '../shared/api';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { deterrencePanel } from './deterrence-panel';
import { reportPanel } from './report-panel';

type ResponseRate = Readonly<{ actionable: number; responded: number; rate: number | null; medianMinutesToResponse: number | null }>;
type TobSpeed = Readonly<{ bases: number; withTrigger: number; medianHours: number | null; under48h: number; shareUnder48h: number | null }>;

const share = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
const fixed = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));

/** For the analyst who must defend the numbers: each figure with the counts it is made of. */
export const analystView = () => {
  const curve = deterrencePanel();
  const report = reportPanel();
  const rate = h('p', { 'data-response-rate': '' }, '…');
  const speed = h('p', { 'data-tob-speed': '' }, '…');
  void getJson<ResponseRate>('/response-rate')
    .then((r) => (rate.textContent = `${t('analyst.responseRateValue', { answered: r.responded, total: r.actionable, share: share(r.rate) })} · ${t('analyst.medianMinutes', { n: fixed(r.medianMinutesToResponse) })}`))
    .catch((e) => (rate.textContent = String(e)));
  void getJson<TobSpeed>('/bases/speed')
    .then((s) => (speed.textContent = t('analyst.tobSpeedValue', { under: s.under48h, withTrigger: s.withTrigger, bases: s.bases, share: share(s.shareUnder48h), median: fixed(s.medianHours) })))
    .catch((e) => (speed.textContent = String(e)));
  const element = h('div', { class: 'view analyst', 'data-view-name': 'analyst' },
    curve.element,
    h('section', { class: 'panel' }, h('h2', {}, t('analyst.responseRate')), rate),
    h('section', { class: 'panel' }, h('h2', {}, t('analyst.tobSpeed')), speed),
    report.element,
    h('section', { class: 'panel' }, h('h2', {}, t('analyst.exports')), h('p', {}, t('analyst.exportsHint'))));
  return { element, showPatrol: curve.showPatrol };
};
