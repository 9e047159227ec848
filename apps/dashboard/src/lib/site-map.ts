/** A page of the dashboard, as the navigation lists it. */
export interface SitePage {
  /** Route path without the base path. */
  path: string;
  /** Link text in users' words. */
  label: string;
  /** One line on what the page is for. */
  description: string;
}

/**
 * The pages that exist, in navigation order. The navigation is built from this
 * list and a test checks every entry has a route (and every route an entry), so
 * no link ever points at a page that is not there yet: a page is added here
 * when its route lands.
 */
export const sitePages: readonly SitePage[] = [
  {
    path: '/',
    label: 'Home',
    description: 'What the dashboard holds: the network’s tables, their size and columns.',
  },
  {
    path: '/overview',
    label: 'Network overview',
    description:
      'For the advisory group: every measure across the network as Making Data Count charts and icons, and each ethnic group’s gap to White women over time, from disclosure-controlled totals only.',
  },
  {
    path: '/site',
    label: 'Site',
    description:
      'One maternity unit: every measure’s Making Data Count icons, then any measure as an MDC, control or run chart, overall and for each ethnic group, with the site’s changes and aims.',
  },
  {
    path: '/disparity',
    label: 'Disparity explorer',
    description:
      'Each ethnic group against White women for a measure, at every site and across the network: rates with intervals, rate ratios, a funnel plot, summary measures of inequality and the sites where closing the gap would help most.',
  },
  {
    path: '/measure',
    label: 'Measure',
    description:
      'One measure: its definition, numerator and denominator, direction and target, and every site side by side.',
  },
  {
    path: '/national',
    label: 'National context',
    description:
      'England’s maternity providers from the published NHS Maternity Statistics: funnel plots by measure and NHS England region, and the ethnic mix of births.',
  },
  {
    path: '/explore',
    label: 'Explore',
    description:
      'Ask your own questions of the network’s tables in SQL, with a results table and a quick chart.',
  },
];
