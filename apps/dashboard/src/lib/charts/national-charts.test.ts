import { describe, expect, it } from 'vitest';
import { ethnicMixBars, nationalFunnel } from '$lib/national/national-views';
import { fixtureBundle } from '$lib/national/testing-national';
import { ethnicMixView } from './ethnic-mix-chart';
import { providerFunnelView } from './provider-funnel-plot';
import { serialiseSvg, svgDocument } from './testing/svg-document';

const bundle = fixtureBundle();
const preterm = bundle.measures[0];
if (!preterm) throw new Error('no measure in the fixture');
const funnel = nationalFunnel(bundle, preterm);
if (!funnel) throw new Error('no funnel from the fixture');

const marks = (svg: string, name: string) =>
  (
    svg.match(new RegExp(`<g [^>]*class="${name}"[\\s\\S]*?</g>`))?.[0].match(/<path|<circle|<rect|<text/g) ??
    []
  ).length;

describe('providerFunnelView', () => {
  const view = providerFunnelView(funnel, { region: 'Y56', regionName: 'London', highlight: 'P02' });
  const svg = serialiseSvg(view.draw(svgDocument(), 640));

  it('draws the same SVG for the same providers (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/provider-funnel.london.svg');
  });

  it('draws the region’s providers by position and the others as context', () => {
    expect(marks(svg, 'providers-beyond-998')).toBe(2);
    expect(marks(svg, 'providers')).toBe(1);
    expect(marks(svg, 'providers-context')).toBe(2);
    expect(marks(svg, 'highlight')).toBe(1);
    expect(svg).toContain('>Beta</text>');
  });

  it('draws its key inside the SVG, so downloads keep it', () => {
    const key = svg.match(/<g class="chart-key"[^>]*>[\s\S]*?<\/g>/)?.[0] ?? '';
    expect([...key.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'Provider in London',
      'Provider in another region',
      'Beyond the 95% limits',
      'Beyond the 99.8% limits',
      'National rate',
      '95% limits',
      '99.8% limits',
    ]);
  });

  it('says where the region’s providers are, and lists them with Wilson intervals', () => {
    expect(view.summary).toBe(
      'Funnel plot of Preterm birth <37 weeks for 5 English maternity providers around a national rate of 8.2%. ' +
        '3 of them are in London; the others are drawn as faint context. ' +
        'Outside the 99.8% limits in London: 1 above and 1 below.',
    );
    expect(view.table.rows.map((row) => row.provider)).toEqual([
      'Alpha Hospitals NHS Trust',
      'Beta NHS Foundation Trust',
      'Delta, Epsilon and Zeta NHS Trust',
    ]);
    expect(view.table.rows[1]).toMatchObject({
      numerator: 560,
      denominator: 5000,
      position: 'above the 99.8% limit',
    });
    expect(view.focusPoints.map((point) => point.x)).toEqual([5000, 5000, 9000]);
    expect(view.focusPoints[0]?.text).toMatch(
      /^Alpha Hospitals NHS Trust: 8\.0% \(400 of 5,000; 95% CI 7\.3 to 8\.8\); within the limits$/,
    );
  });

  it('for all of England lists every provider, with the one not plotted and why', () => {
    const all = providerFunnelView(funnel);
    expect(all.table.rows).toHaveLength(6);
    expect(all.table.rows.find((row) => row.code === 'P06')?.position).toBe(
      'not plotted: value known for 33.3% of records (under 70%)',
    );
    expect(all.summary).toContain('1 provider is listed in the table but not plotted');
  });
});

describe('ethnicMixView', () => {
  const bars = ethnicMixBars(bundle, 'Y56', 'P01');
  const view = ethnicMixView(bars, { scope: 'London and its providers', highlight: 'P01' });
  const svg = serialiseSvg(view.draw(svgDocument(), 640));

  it('draws the same SVG for the same mix (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/ethnic-mix.london.svg');
  });

  it('stacks six groups per bar, labels the wide segments and outlines the highlighted provider', () => {
    expect(marks(svg, 'mix-segments')).toBe(bars.length * 6);
    expect(marks(svg, 'highlight')).toBe(1);
    expect(svg).toContain('>Alpha Hospitals</text>');
  });

  it('summarises England’s mix and the largest share not known, and tables every value', () => {
    expect(view.summary).toBe(
      'Ethnic group of women giving birth, London and its providers: 5 bars. ' +
        'In England 22.9% were from an ethnic minority group and ethnicity was not known for 7.1%. ' +
        'The share not known is highest at Delta, Epsilon and Zeta (10.0%).',
    );
    expect(view.table.rows[0]).toMatchObject({
      organisation: 'England',
      white: 70,
      unknown: 7.1,
      deliveries: 30000,
    });
  });
});

describe('ethnicMixView’s key', () => {
  it('is inside the SVG, so a downloaded picture keeps it, and wraps on a narrow chart', () => {
    const bars = ethnicMixBars(bundle, null);
    const wide = serialiseSvg(ethnicMixView(bars, { scope: 'England' }).draw(svgDocument(), 1100));
    const narrow = serialiseSvg(ethnicMixView(bars, { scope: 'England' }).draw(svgDocument(), 340));
    const key = (svg: string) => svg.match(/<g class="chart-key"[^>]*>[\s\S]*?<\/g>/)?.[0] ?? '';
    expect(key(wide).match(/<text/g)).toHaveLength(6);
    expect(key(wide)).toContain('>Not known or not stated</text>');
    const rows = (svg: string) =>
      new Set([...key(svg).matchAll(/<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => m[1])).size;
    expect(rows(wide)).toBe(1);
    expect(rows(narrow)).toBeGreaterThan(2);
  });
});
