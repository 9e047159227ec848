import { describe, expect, it } from 'vitest';
import { chartForDownload, downloadFileName, tableToCsv } from './chart-export';
import type { ChartTable } from './chart-view';
import { controlChartView } from './control-chart';
import { runChartWithGap } from './testing/fixtures';
import { serialiseSvg, svgDocument } from './testing/svg-document';

const footer = {
  source: 'Maternity QI network, synthetic demo data',
  downloadedAt: new Date('2026-11-26T09:00:00Z'),
};

describe('tableToCsv', () => {
  const table: ChartTable = {
    caption: 'x',
    columns: [
      { key: 'period', label: 'Period', kind: 'date' },
      { key: 'site', label: 'Site, name', kind: 'text' },
      { key: 'rate', label: 'Rate', kind: 'number', format: (v) => `${v}%` },
    ],
    rows: [
      { period: new Date(Date.UTC(2024, 3, 1)), site: 'Site "A"', rate: 12.345678 },
      { period: new Date(Date.UTC(2024, 4, 1)), site: '=cmd()', rate: null },
    ],
  };

  it('writes raw values, quotes where needed, and ends with title, source and date', () => {
    expect(tableToCsv(table, 'Booking by 10 weeks', footer)).toBe(
      [
        'Period,"Site, name",Rate',
        '2024-04-01,"Site ""A""",12.345678',
        "2024-05-01,'=cmd(),",
        '',
        'Booking by 10 weeks',
        '"Source: Maternity QI network, synthetic demo data. Downloaded 26 November 2026."',
        '',
      ].join('\r\n'),
    );
  });
});

describe('chartForDownload', () => {
  it('puts the title above and the source and date below the chart', () => {
    const document = svgDocument();
    const chart = controlChartView(runChartWithGap, {
      measureLabel: 'Asked about mental health',
      unit: '',
    }).draw(document, 480);
    const { svg, width, height } = chartForDownload(
      chart,
      'Mental health asked at booking',
      footer,
      document,
    );
    expect([width, height]).toEqual([480, 320 + 48 + 32]);
    const markup = serialiseSvg(svg as unknown as Element);
    expect(markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="480" height="400"/);
    expect(markup).toContain('>Mental health asked at booking</text>');
    expect(markup).toContain(
      '>Source: Maternity QI network, synthetic demo data. Downloaded 26 November 2026.</text>',
    );
    expect(markup).toContain('<svg class="qi-chart"');
    expect(chart.parentNode).toBeNull(); // the on-screen chart is cloned, not moved
  });
});

describe('chartForDownload with Making Data Count icons', () => {
  it('prints each icon with its words under the title and moves the chart down', () => {
    const document = svgDocument();
    const chart = controlChartView(runChartWithGap, { measureLabel: 'x', unit: '' }).draw(document, 480);
    const { svg, height } = chartForDownload(chart, 'PPH', footer, document, [
      { letter: 'L', colour: '#0069B4', label: 'Variation: Improvement (low)' },
      { letter: '?', colour: '#425563', label: 'Assurance: Hit and miss' },
    ]);
    const markup = serialiseSvg(svg as unknown as Element);
    expect(height).toBe(320 + 48 + 44 + 32);
    expect(markup).toContain('>Variation: Improvement (low)</text>');
    expect(markup).toMatch(/<circle r="15" fill="#FFFFFF" stroke="#0069B4" stroke-width="4">/);
    expect(markup).toContain('<svg class="qi-chart"');
    expect(markup).toMatch(/<svg class="qi-chart"[^>]* y="92"/);
  });
});

describe('downloadFileName', () => {
  it('makes a readable, dated file name', () => {
    expect(downloadFileName('PPH ≥1500 ml: Site A – London', 'png', footer.downloadedAt)).toBe(
      'pph-1500-ml-site-a-london-2026-11-26.png',
    );
  });
});
