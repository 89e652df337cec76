/**
 * The decay curve as a standalone SVG a person can read: incidents per episode-day for days
 * 1..14 after departure, the baseline rate as a dashed line, and the 95% band. Pure: data
 * in, markup out, so it is unit-tested without a browser.
 */
export type ChartPoint = Readonly<{ day: number; rate: number | null; lo?: number | null; hi?: number | null }>;

export type DecayChartInput = Readonly<{
  title: string;
  subtitle: string;
  points: readonly ChartPoint[];
  baselineRate: number | null;
  footnote: string;
}>;

const W = 760;
const H = 440;
const M = { top: 70, right: 30, bottom: 80, left: 80 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (value: number): string => (value === 0 ? "0" : value >= 1 ? value.toFixed(2) : value.toPrecision(2));

/** A "nice" upper bound and ticks (1, 2, 5 × 10^n) so the axis reads easily. */
const niceTicks = (max: number): number[] => {
  const top = max > 0 ? max : 1;
  const step0 = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= step0)!;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
};

export const decayChartSvg = ({ title, subtitle, points, baselineRate, footnote }: DecayChartInput): string => {
  const values = points.flatMap((p) => [p.rate, p.hi]).concat(baselineRate).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const ticks = niceTicks(Math.max(0, ...values));
  const yMax = ticks[ticks.length - 1]!;
  const days = points.length > 0 ? points.map((p) => p.day) : [1];
  const x = (day: number): number => M.left + ((day - Math.min(...days)) / Math.max(1, Math.max(...days) - Math.min(...days))) * PLOT_W;
  const y = (rate: number): number => M.top + PLOT_H - (rate / yMax) * PLOT_H;
  const known = points.filter((p) => p.rate !== null);
  const banded = points.filter((p) => typeof p.lo === 'number' && typeof p.hi === 'number');
  const band =
    banded.length > 1
      ? `<path class="band" d="M${banded.map((p) => `${x(p.day)},${y(p.hi!)}`).join(' L')} L${[...banded].reverse().map((p) => `${x(p.day)},${y(p.lo!)}`).join(' L')} Z" fill="#9ecae1" fill-opacity="0.45" stroke="none"><title>95% interval</title></path>`
      : '';
  const line = known.length > 0 ? `<polyline fill="none" stroke="#08519c" stroke-width="2.5" points="${known.map((p) => `${x(p.day)},${y(p.rate!)}`).join(' ')}"/>` : '';
  const dots = known.map((p) => `<circle cx="${x(p.day)}" cy="${y(p.rate!)}" r="4" fill="#08519c"><title>day ${p.day}: ${fmt(p.rate!)} incidents per episode-day</title></circle>`).join('');
  const baseline =
    baselineRate !== null
      ? `<line x1="${M.left}" x2="${M.left + PLOT_W}" y1="${y(baselineRate)}" y2="${y(baselineRate)}" stroke="#d94801" stroke-width="2" stroke-dasharray="8 5"/>` +
        `<text x="${M.left + PLOT_W - 4}" y="${y(baselineRate) - 6}" text-anchor="end" fill="#d94801" font-size="13" stroke="white" stroke-width="4" paint-order="stroke">baseline ${fmt(baselineRate)} / episode-day</text>`
      : '';
  const yAxis = ticks
    .map((t) => `<line x1="${M.left}" x2="${M.left + PLOT_W}" y1="${y(t)}" y2="${y(t)}" stroke="#e0e0e0"/><text x="${M.left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="12">${fmt(t)}</text>`)
    .join('');
  const xAxis = days.map((d) => `<text x="${x(d)}" y="${M.top + PLOT_H + 20}" text-anchor="middle" font-size="12">${d}</text>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="${esc(title)}">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="30" font-size="18" font-weight="bold">${esc(title)}</text>`,
    `<text x="${M.left}" y="52" font-size="13" fill="#444">${esc(subtitle)}</text>`,
    yAxis,
    band,
    baseline,
    line,
    dots,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + PLOT_H}" stroke="#333"/>`,
    `<line x1="${M.left}" x2="${M.left + PLOT_W}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}" stroke="#333"/>`,
    xAxis,
    `<text x="${M.left + PLOT_W / 2}" y="${M.top + PLOT_H + 44}" text-anchor="middle" font-size="13">days after departure (UTC days; day 0 left out)</text>`,
    `<text transform="translate(22 ${M.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle" font-size="13">incidents per episode-day at risk</text>`,
    `<text x="${M.left}" y="${H - 12}" font-size="11" fill="#666">${esc(footnote)}</text>`,
    '</svg>',
  ].join('\n');
};
