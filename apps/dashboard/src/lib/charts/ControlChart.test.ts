import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ControlChart from './ControlChart.svelte';
import MdcChart from './MdcChart.svelte';
import { bookingPChart, mdcDates, pphMdc } from './testing/fixtures';

// Server rendering shows the frame every chart shares (the Plot drawing itself is
// added in the browser and covered by the SVG snapshots and the e2e run).
/** Server-rendered markup without Svelte's hydration comments. */
function markup(rendered: { body: string }): string {
  return rendered.body.replace(/<!--.*?-->/g, '');
}

describe('ControlChart component', () => {
  const body = markup(
    render(ControlChart, {
      props: {
        title: 'Booked by 10 weeks: Site B',
        result: bookingPChart,
        measureLabel: 'Booked by 10 weeks (%)',
        unit: '%',
        source: 'Synthetic demo data',
        target: 65,
        annotations: [{ date: '2024-04-01', label: 'PDSA 1: interpreter clinic', kind: 'pdsa' }],
      },
    }),
  );

  it('has a heading, the summary sentence, a table toggle and three downloads', () => {
    expect(body).toMatch(/<h3[^>]*>Booked by 10 weeks: Site B<\/h3>/);
    expect(body).toContain(
      'P chart of Booked by 10 weeks (%): 24 values from Apr 2023 to Mar 2025 in 2 parts.',
    );
    expect(body).toMatch(/aria-pressed="false"[^>]*>\s*Show data table/);
    for (const kind of ['SVG', 'PNG', 'CSV']) expect(body).toContain(`>Download ${kind}</button>`);
  });

  it('keys every mark it draws, including the runs signal and target', () => {
    for (const label of [
      'Value',
      'Centre line',
      'Control limits (3 sigma)',
      'Outside the limits',
      'Runs signal (shift or too few crossings)',
      'Target',
    ]) {
      expect(body).toContain(label);
    }
  });

  it('lists the changes in words and names the source with the date', () => {
    expect(body).toMatch(/<strong>Apr 2024<\/strong> \(PDSA cycle\)/);
    expect(body).toContain('PDSA 1: interpreter clinic');
    expect(body).toMatch(
      /<figcaption[^>]*>Source: Synthetic demo data\. Downloaded \d+ \w+ \d{4}\.<\/figcaption>/,
    );
  });

  it('offers a keyboard stop for the tooltips, described by a live region', () => {
    expect(body).toMatch(
      /class="chart-canvas[^"]*" role="group" tabindex="0" aria-label="Booked by 10 weeks: Site B\. Use the arrow keys/,
    );
    expect(body).toMatch(/role="status" aria-live="polite"/);
  });
});

describe('MdcChart component', () => {
  it('shows the variation and assurance icons with their meaning in words', () => {
    const body = markup(
      render(MdcChart, {
        props: {
          title: 'PPH ≥1500 ml: Site D',
          result: pphMdc,
          dates: mdcDates,
          measureLabel: 'PPH ≥1500 ml (per 1,000)',
          unit: 'per 1,000',
          improvement: 'decrease',
          target: 28,
          source: 'Synthetic demo data',
        },
      }),
    );
    expect(body).toMatch(
      /role="img" aria-label="Variation: Special cause variation of an improving nature: values are unusually low\."/,
    );
    expect(body).toContain('Improvement (low)');
    expect(body).toMatch(/aria-label="Assurance: The process will hit and miss the target/);
    expect(body).toContain('Hit and miss');
  });
});
