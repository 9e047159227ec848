import type { EthnicGroupOption } from './ethnic-groups.ts';

/** A measure as the aim and PDSA forms offer it. */
export interface MeasureChoice {
  measure_id: string;
  name: string;
  unit_label: string;
  multiplier: number;
  direction: 'lower_is_better' | 'higher_is_better' | 'neutral';
  by_ethnic_group: boolean;
}

/** What the server sent back for a form that failed: the typed values and the field errors. */
export interface FormReturn {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

/** The choices the QI log forms need. */
export interface QiFormChoices {
  measures: MeasureChoice[];
  groupOptions: EthnicGroupOption[];
  extraGroups: EthnicGroupOption[];
  siteName: string;
}

/**
 * A typed value from a returned form, or the fallback.
 *
 * @example
 * ```ts
 * returnedText({ values: { plan: 'Phone' }, errors: {} }, 'plan', ''); // => 'Phone'
 * returnedText(null, 'plan', 'stored plan'); // => 'stored plan'
 * ```
 */
export function returnedText(returned: FormReturn | null, field: string, fallback: string): string {
  const value = returned?.values[field];
  return typeof value === 'string' ? value : fallback;
}

/**
 * A returned checkbox group, or the fallback.
 *
 * @example
 * ```ts
 * returnedList({ values: { ethnic_groups: ['BLACK'] }, errors: {} }, 'ethnic_groups', []); // => ['BLACK']
 * ```
 */
export function returnedList(returned: FormReturn | null, field: string, fallback: string[]): string[] {
  const value = returned?.values[field];
  return Array.isArray(value) ? value : fallback;
}
