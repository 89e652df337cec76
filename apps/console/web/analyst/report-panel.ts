import { api, ApiRefused, getJson, query } from '../shared/api';
import { clear, h } from '../shared/dom';
import { t, tOr } from '../shared/i18n';

type Figure = Readonly<{ key: string; label: string; value: number | null; of?: number; share?: number | null; unit?: string; trace: string }>;
type Section = Readonly<{ id: string; title: string; figures: readonly Figure[]; notes?: readonly string[] }>;
type Report = Readonly<{ period: Readonly<{ from: string; to: string; asOf: string }>; sections: readonly Section[] }>;

const value = (f: Figure): string => (f.value === null ? '—' : f.unit === 'ratio' ? f.value.toFixed(2) : f.value.toLocaleString());
// From the counts, not the rounded share: 41 / 550 shows 7.5 %, as the letter does.
const share = (f: Figure): string => (f.share === undefined ? '' : f.share === null ? '—' : `${((f.value! / f.of!) * 100).toFixed(1)} % (${f.value} / ${f.of})`);

/**
 * The period report (GET /reports/period): every figure of the letter's period, each with the
 * route that lists what it counts, so the analyst can say where a number comes from. The
 * Markdown is the same report as tables for a letter's annex.
 */
export const reportPanel = () => {
  const field = (id: string, label: string, type = 'date') => {
    const input = h('input', { id, type, required: type === 'date' && id !== 'r-asof' });
    return { input, element: h('label', { for: id }, label, ' ', input) };
  };
  const from = field('r-from', t('report.from'));
  const to = field('r-to', t('report.to'));
  const asOf = field('r-asof', t('analyst.asOf'));
  from.input.value = '2020-01-01';
  to.input.value = '2020-05-20';
  const body = h('div', { 'data-report': '' });
  const error = h('p', { class: 'error', role: 'alert' });
  const params = () => ({ from: from.input.value, to: to.input.value, asOf: asOf.input.value });

  const render = (report: Report): void =>
    clear(body,
      h('p', {}, t('report.asKnown', { asOf: report.period.asOf })),
      ...report.sections.map((s) => h('section', { 'data-report-section': s.id },
        h('h3', {}, tOr(`report.section.${s.id}`, s.title)),
        h('table', {},
          h('thead', {}, h('tr', {}, h('th', {}, t('report.figure')), h('th', {}, t('report.value')), h('th', {}, t('report.share')), h('th', {}, t('report.trace')))),
          h('tbody', {}, ...s.figures.map((f) => h('tr', { 'data-figure': f.key },
            h('td', {}, f.label), h('td', { class: 'num', 'data-value': f.value === null ? 'null' : String(f.value) }, value(f)), h('td', { class: 'num' }, share(f)), h('td', {}, h('code', {}, f.trace)))))),
        ...(s.notes ?? []).map((n) => h('p', { class: 'note' }, n)))));

  const show = async (): Promise<void> => {
    clear(error);
    try {
      render(await getJson<Report>(`/reports/period${query(params())}`));
    } catch (e) {
      error.textContent = t('error.generic', { detail: e instanceof ApiRefused ? e.problem.detail : String(e) });
    }
  };
  const downloadMarkdown = async (): Promise<void> => {
    const md = await (await api(`/reports/period${query(params())}`, { headers: { accept: 'text/markdown' } })).blob();
    h('a', { href: URL.createObjectURL(md), download: `report-${params().from}-${params().to}.md` }).click();
  };
  const element = h('section', { class: 'panel', 'data-report-panel': '' },
    h('h2', {}, t('report.title')),
    h('form', { class: 'filters', onsubmit: (e: Event) => (e.preventDefault(), void show()) },
      from.element, to.element, asOf.element,
      h('button', { type: 'submit', class: 'primary', 'data-show-report': '' }, t('report.show')),
      h('button', { type: 'button', onclick: () => void downloadMarkdown() }, t('report.markdown'))),
    error, body);
  return { element };
};
