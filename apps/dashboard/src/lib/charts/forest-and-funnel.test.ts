import { describe, expect, it } from 'vitest';
import { forestPlotView } from './forest-plot';
import { funnelPlotView } from './funnel-plot';
import { blackWhiteRatios, pphFunnel } from './testing/fixtures';
import { serialiseSvg, svgDocument } from './testing/svg-document';

describe('forestPlotView', () => {
  const view = forestPlotView(blackWhiteRatios, {
    ratioLabel: 'Rate ratio, Black vs White women',
    measureLabel: 'PPH ≥1500 ml',
  });
  const svg = serialiseSvg(view.draw(svgDocument(), 640));

  it('draws the same SVG for the same ratios (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/forest-plot.black-white.svg');
  });

  it('fills squares whose interval excludes 1 and leaves the others hollow', () => {
    const count = (name: string) =>
      (svg.match(new RegExp(`<g [^>]*class="${name}"[\\s\\S]*?</g>`))?.[0].match(/<path/g) ?? []).length;
    expect(count('estimates-clear')).toBe(2);
    expect(count('estimates-unclear')).toBe(5);
    expect(count('pooled')).toBe(1);
  });

  it('says where the interval lies wholly above 1', () => {
    expect(view.summary).toBe(
      'Rate ratio, Black vs White women for PPH ≥1500 ml at 7 sites. ' +
        'Across the network: 1.33 (95% CI 1.16 to 1.52), higher than the reference. ' +
        'The interval lies wholly above 1 at Site A – London, Site D – North West.',
    );
  });
});

describe('forestPlotView for ethnic groups at one site', () => {
  it('speaks of groups, and of intervals below 1', () => {
    const view = forestPlotView(
      [
        { label: 'Asian', ratio: { value: 0.6, lower: 0.4, upper: 0.9 } },
        { label: 'Black', ratio: { value: 1.8, lower: 1.2, upper: 2.7 } },
      ],
      {
        ratioLabel: 'Risk ratio against White women',
        measureLabel: 'Smoking at booking',
        rowKind: 'ethnic group',
      },
    );
    expect(view.summary).toBe(
      'Risk ratio against White women for Smoking at booking, 2 ethnic groups. ' +
        'The interval lies wholly above 1 for Black. It lies wholly below 1 for Asian.',
    );
  });
});

describe('funnelPlotView', () => {
  const view = funnelPlotView(pphFunnel, {
    measureLabel: 'PPH ≥1500 ml per 1,000',
    unit: 'per 1,000',
    highlight: 'Site C',
  });
  const svg = serialiseSvg(view.draw(svgDocument(), 640));
  const count = (name: string) =>
    (svg.match(new RegExp(`<g [^>]*class="${name}"[\\s\\S]*?</g>`))?.[0].match(/<path|<circle/g) ?? [])
      .length;

  it('draws the same SVG for the same result (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/funnel-plot.pph.svg');
  });

  it('picks out sites beyond the 99.8% and 95% limits in words and shape', () => {
    expect(view.summary).toBe(
      'Funnel plot of PPH ≥1500 ml per 1,000 at 7 sites around a network value of 32.1 per 1,000. ' +
        'Site D, Site G are outside the 99.8% limits.',
    );
    expect(count('sites-beyond-998')).toBe(2);
    expect(count('sites-beyond-95')).toBe(1);
    expect(count('sites')).toBe(4);
    expect(view.table.rows.find((row) => row.site === 'Site G')?.position).toBe('below the 99.8% limit');
    expect(view.table.rows.find((row) => row.site === 'Site B')?.position).toBe('above the 95% limit');
  });

  it('draws both funnels from half the smallest site’s denominator, and rings the highlighted site', () => {
    expect(svg.match(/class="limit-998"/g)).toHaveLength(2);
    // The fixture's curve has 9 points; those from 4,000 up (≥ 4,645 / 2) are drawn.
    expect(svg.match(/<g [^>]*class="limit-998"[^>]*>\n<path d="([^"]+)"/)?.[1]?.split('L')).toHaveLength(6);
    expect(count('highlight')).toBe(1);
  });
});
