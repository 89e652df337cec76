import { getJson } from '../shared/api';
import { clear, h } from '../shared/dom';
import { t } from '../shared/i18n';

type Weekly = Readonly<{ asOf: string; cercles: readonly { cercle: string; region: string; thisWeek: number; fourWeeksBefore: number; weeklyAverageBefore: number }[] }>;

/** Incidents per cercle this week against the weekly average of the 4 weeks before: where it is getting worse. */
export const weeklyTable = () => {
  const body = h('tbody');
  const caption = h('caption');
  const refresh = async (asOf?: string): Promise<void> => {
    const weekly = await getJson<Weekly>(`/incidents/weekly-by-cercle${asOf ? `?asOf=${asOf}` : ''}`);
    caption.textContent = weekly.asOf;
    clear(body, ...weekly.cercles.map((c) =>
      h('tr', { 'data-cercle': c.cercle, class: c.thisWeek > c.weeklyAverageBefore ? 'worse' : '' },
        h('td', {}, c.cercle), h('td', {}, c.region), h('td', { class: 'num' }, c.thisWeek), h('td', { class: 'num' }, c.weeklyAverageBefore.toFixed(2)))));
  };
  const element = h('section', { class: 'panel', 'data-weekly': '' }, h('h2', {}, t('ops.weekly')),
    h('table', {}, caption, h('thead', {}, h('tr', {}, h('th', {}, t('ops.cercle')), h('th', {}, t('form.region')), h('th', {}, t('ops.weekly.thisWeek')), h('th', {}, t('ops.weekly.before')))), body));
  return { element, refresh };
};
