import type { Figure } from './figure';
import type { PeriodReport } from './gather-period-report';

const number = (n: number | null, unit: Figure['unit']): string =>
  n === null ? '—' : unit === 'ratio' ? n.toFixed(2) : Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1);

/** The percentage from the counts themselves, not the rounded share: 41 / 550 prints 7.5%, as the letter does. */
const shareOf = (f: Figure): string =>
  f.share === undefined ? '' : f.share === null ? 'n/a' : `${((f.value! / f.of!) * 100).toFixed(1)}% of ${f.of!.toLocaleString('en-US')}`;

/** The report as Markdown, for a letter's annex: a table per section, the trace of each figure beside it. */
export const renderMarkdown = (report: PeriodReport): string => {
  const { period } = report;
  const lines = [`# Period report, ${period.from} to ${period.to}`, '', `Figures as known at ${period.asOf}.`, ''];
  for (const section of report.sections) {
    lines.push(`## ${section.title}`, '', '| figure | value | share | from |', '|---|---:|---:|---|');
    for (const f of section.figures) lines.push(`| ${f.label} | ${number(f.value, f.unit)} | ${shareOf(f)} | \`${f.trace}\` |`);
    for (const note of section.notes ?? []) lines.push('', `_${note}_`);
    lines.push('');
  }
  return lines.join('\n');
};

/** The same as plain text for a terminal: one line a figure. */
export const renderTable = (report: PeriodReport): string => {
  const rows = report.sections.flatMap((s) => [`${s.title}`, ...s.figures.map((f) => `  ${f.label.padEnd(58)} ${number(f.value, f.unit).padStart(10)}  ${shareOf(f)}`)]);
  return [`Period ${report.period.from} .. ${report.period.to} (as of ${report.period.asOf})`, ...rows].join('\n');
};
