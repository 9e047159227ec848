import type { EthnicCategory } from '@maternity-qi/network-data';

/** The code an aim uses for "all women" (the submission's site total). */
export const ALL_WOMEN = 'ALL';

/** An ethnic group an aim can focus on, with words for forms and aim statements. */
export interface EthnicGroupOption {
  code: string;
  /** The reference table's label, e.g. "Black or Black British". */
  label: string;
  /** How the group reads before "women" in a sentence, e.g. "Black". */
  adjective: string;
  level: 'level1' | 'level2';
}

// Short forms for sentences ("Black and mixed-ethnicity women"), as the demo's aims write them.
const LEVEL1_ADJECTIVES: Record<string, string> = {
  WHITE: 'White',
  ASIAN: 'Asian',
  BLACK: 'Black',
  MIXED: 'mixed-ethnicity',
  OTHER: 'other-ethnicity',
  UNKNOWN: 'unknown-ethnicity',
};

/**
 * The level-1 ethnic groups an aim may focus on, in the reference table's order. Unknown
 * ethnicity is left out: it is a gap in recording (the ethnicity_recorded measure), not a
 * group of women an equity aim can be for.
 *
 * @example
 * ```ts
 * aimEthnicGroupOptions(reference.ethnicCategories).map((g) => g.code);
 * // => ['WHITE', 'ASIAN', 'BLACK', 'MIXED', 'OTHER']
 * ```
 */
export function aimEthnicGroupOptions(categories: readonly EthnicCategory[]): EthnicGroupOption[] {
  return categories
    .filter((category) => category.level === 'level1' && !category.is_unknown)
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((category) => ({
      code: category.code,
      label: category.label,
      adjective: LEVEL1_ADJECTIVES[category.code] ?? category.label,
      level: 'level1' as const,
    }));
}

/**
 * Every group code a stored aim may name: the level-1 groups and the level-2 drill-down
 * groups (the demo's AIM-A1 is for BANGLADESHI;OTHER_ASIAN), each with its words.
 *
 * @example
 * ```ts
 * knownEthnicGroups(reference.ethnicCategories).get('BANGLADESHI')?.adjective; // => 'Bangladeshi'
 * ```
 */
export function knownEthnicGroups(categories: readonly EthnicCategory[]): Map<string, EthnicGroupOption> {
  const groups = new Map<string, EthnicGroupOption>();
  for (const option of aimEthnicGroupOptions(categories)) groups.set(option.code, option);
  for (const category of categories) {
    const code = category.level2_group;
    if (category.level !== 'nhs2001' || !code || groups.has(code) || category.is_unknown) continue;
    // "Asian or Asian British - Bangladeshi" → "Bangladeshi"; "…- Any other Asian background" → "other Asian".
    const tail = category.label.split(' - ').at(-1) ?? category.label;
    let words = tail.replace(/^Any other (.*?) background$/, 'other $1').replace(/^Any other /, 'other ');
    // "Caribbean", "African" are Black Caribbean and Black African women (as MBRRACE-UK writes them).
    if (category.level1_group === 'BLACK' && !/black/i.test(words)) words = `Black ${words}`;
    groups.set(code, { code, label: words, adjective: words, level: 'level2' });
  }
  return groups;
}

/**
 * Who an aim is for, in words: "all women", "Black women", "Black and mixed-ethnicity women".
 *
 * @example
 * ```ts
 * aimPopulation(['BLACK', 'MIXED'], knownEthnicGroups(reference.ethnicCategories));
 * // => 'Black and mixed-ethnicity women'
 * aimPopulation(['ALL'], groups); // => 'all women'
 * ```
 */
export function aimPopulation(
  codes: readonly string[],
  groups: ReadonlyMap<string, EthnicGroupOption>,
): string {
  if (codes.length === 0 || codes.includes(ALL_WOMEN)) return 'all women';
  const words = codes.map((code) => groups.get(code)?.adjective ?? code);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `${list} women`;
}

/**
 * The NHS ethnic category codes whose women an aim's groups cover: every code whose
 * level-1 or level-2 group is one of `groups`, or just the site total ('ALL') for all women.
 * Pooling over these codes (sum of numerators over sum of denominators) gives the aim's rate.
 *
 * @example
 * ```ts
 * [...categoriesInGroups(reference.ethnicCategories, ['BLACK'])]; // => ['M', 'N', 'P']
 * [...categoriesInGroups(reference.ethnicCategories, ['ALL'])]; // => ['ALL']
 * ```
 */
export function categoriesInGroups(
  categories: readonly EthnicCategory[],
  groups: readonly string[],
): Set<string> {
  if (groups.includes(ALL_WOMEN)) return new Set([ALL_WOMEN]);
  const wanted = new Set(groups);
  return new Set(
    categories
      .filter(
        (category) =>
          category.level === 'nhs2001' &&
          ((category.level1_group != null && wanted.has(category.level1_group)) ||
            (category.level2_group != null && wanted.has(category.level2_group))),
      )
      .map((category) => category.code),
  );
}

/**
 * Reads a stored `;`-separated group list ("BANGLADESHI;OTHER_ASIAN"), treating empty as all women.
 *
 * @example
 * ```ts
 * splitGroups('BLACK;MIXED'); // => ['BLACK', 'MIXED']
 * splitGroups(''); // => ['ALL']
 * ```
 */
export function splitGroups(stored: string | null | undefined): string[] {
  const codes = (stored ?? '')
    .split(';')
    .map((code) => code.trim())
    .filter(Boolean);
  return codes.length > 0 ? codes : [ALL_WOMEN];
}
