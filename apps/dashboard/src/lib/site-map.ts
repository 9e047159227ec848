/**
 * Whose data a page can show in the portal: the whole network's (admins, faculty), the
 * advisory group's disclosure-controlled totals, one site's own, or nobody's in particular
 * (anonymous visitors: published national statistics only).
 */
export type PageAudience = 'public' | 'network' | 'advisory' | 'site';

/** A page of the dashboard, as the navigation lists it. */
export interface SitePage {
  /** Route path without the base path. */
  path: string;
  /** Link text in users' words. */
  label: string;
  /** One line on what the page is for. */
  description: string;
  /** In the portal, the audiences whose data make the page useful (the public build lists every page). */
  audiences: readonly PageAudience[];
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
    audiences: ['public', 'network', 'advisory', 'site'],
  },
  {
    path: '/overview',
    label: 'Network overview',
    description:
      'For the advisory group: every measure across the network as Making Data Count charts and icons, and each ethnic group’s gap to White women over time, from disclosure-controlled totals only.',
    audiences: ['network', 'advisory', 'site'],
  },
  {
    path: '/site',
    label: 'Site',
    description:
      'One maternity unit: every measure’s Making Data Count icons, then any measure as an MDC, control or run chart, overall and for each ethnic group, with the site’s changes and aims.',
    audiences: ['network', 'site'],
  },
  {
    path: '/disparity',
    label: 'Disparity explorer',
    description:
      'Each ethnic group against White women for a measure, at every site and across the network: rates with intervals, rate ratios, a funnel plot, summary measures of inequality and the sites where closing the gap would help most.',
    audiences: ['network'],
  },
  {
    path: '/measure',
    label: 'Measure',
    description:
      'One measure: its definition, numerator and denominator, direction and target, and every site side by side.',
    audiences: ['network'],
  },
  {
    path: '/national',
    label: 'National context',
    description:
      'England’s maternity providers from the published NHS Maternity Statistics: funnel plots by measure and NHS England region, and the ethnic mix of births.',
    audiences: ['public', 'network', 'advisory', 'site'],
  },
  {
    path: '/explore',
    label: 'Explore',
    description:
      'Ask your own questions of the network’s tables in SQL, with a results table and a quick chart.',
    audiences: ['network', 'site'],
  },
];

/**
 * The pages to list for a visitor: every page in the public build (`audience` null), else
 * the pages whose data the portal user's audience receives. The Disparity explorer and the
 * Measure page compare sites, so they are the network's only (a site's files hold one site:
 * its "network" would be itself); the advisory group has no site detail at all; anonymous
 * visitors see Home and the published national statistics.
 *
 * @example
 * ```ts
 * pagesFor('advisory').map((page) => page.label); // => ['Home', 'Network overview', 'National context']
 * pagesFor(null).length; // => 7
 * ```
 */
export function pagesFor(audience: PageAudience | null): readonly SitePage[] {
  return audience === null ? sitePages : sitePages.filter((page) => page.audiences.includes(audience));
}

/**
 * Whether a page's data are in the visitor's files: always in the public build (`audience`
 * null); in the portal only for the audiences the page lists. A page that says no shows
 * why instead of asking the server for files it would not get.
 *
 * @example
 * ```ts
 * audienceSees('/site', 'advisory'); // => false
 * audienceSees('/site', 'site'); // => true
 * audienceSees('/site', null); // => true
 * ```
 */
export function audienceSees(path: string, audience: PageAudience | null | undefined): boolean {
  if (audience == null) return true;
  return sitePages.find((page) => page.path === path)?.audiences.includes(audience) ?? false;
}
