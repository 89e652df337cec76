import { decayChartSvg } from './decay-chart.svg';

const input = {
  title: 'Deterrence decay — Operation Buffalo, 10 km',
  subtitle: '12 episodes; rate ratio 0.55 (95% CI 0.31–0.93)',
  points: Array.from({ length: 14 }, (_, i) => ({ day: i + 1, rate: 0.1 + i * 0.02, lo: 0.05 + i * 0.01, hi: 0.2 + i * 0.03 })),
  baselineRate: 0.4,
  footnote: 'methodology 1.0.0',
};

describe('decay chart', () => {
  it('draws axes with labels and units, the curve, the baseline and the band', () => {
    const svg = decayChartSvg(input);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('days after departure');
    expect(svg).toContain('incidents per episode-day at risk');
    expect(svg).toContain('baseline 0.40 / episode-day');
    expect(svg.match(/<circle /g)).toHaveLength(14);
    expect(svg).toContain('class="band"');
    expect(svg).toContain('methodology 1.0.0');
  });

  it('escapes text and leaves out days without data', () => {
    const svg = decayChartSvg({ ...input, title: 'A <b> & "c"', points: [{ day: 1, rate: null }, { day: 2, rate: 0.5 }] });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).not.toContain('class="band"');
  });

  it('still draws a readable empty chart', () => {
    const svg = decayChartSvg({ ...input, points: [], baselineRate: null });
    expect(svg).toContain('</svg>');
    expect(svg).not.toContain('NaN');
  });
});
