import { formatWithUnit } from '../charts/format.ts';
import { monthLabel } from './month-label.ts';

/** What an aim statement is made of (Model for Improvement: how much, by when, for whom). */
export interface AimStatementParts {
  measureName: string;
  direction: 'lower_is_better' | 'higher_is_better' | 'neutral';
  unitLabel: string;
  /** "Black women", "all women" (see `aimPopulation`). */
  population: string;
  siteName: string;
  baseline: number | null;
  target: number | null;
  /** `YYYY-MM`, or null when not chosen yet. */
  targetPeriod: string | null;
}

const VERBS = { higher_is_better: 'Increase', lower_is_better: 'Reduce', neutral: 'Change' } as const;

/**
 * A suggested aim statement from the aim's fields: what, for whom, where, from how much to
 * how much, by when ("SMART" aims, IHI Model for Improvement). Teams may reword it.
 *
 * @example
 * ```ts
 * aimStatement({
 *   measureName: 'Booked by 10 weeks (<=70 days)', direction: 'higher_is_better', unitLabel: '%',
 *   population: 'Black women', siteName: 'Site B (Midlands)', baseline: 48, target: 65, targetPeriod: '2026-03',
 * });
 * // => 'Increase “Booked by 10 weeks (<=70 days)” for Black women at Site B (Midlands) from 48% to 65% by March 2026.'
 * ```
 */
export function aimStatement(parts: AimStatementParts): string {
  const value = (v: number) => formatWithUnit(v, parts.unitLabel, Number.isInteger(v) ? 0 : 1);
  // The catalogue's names are labels ("Booked by 10 weeks", "OGTT completed by 28 weeks"), not
  // noun phrases: quoted, they read right after any verb.
  const words = [
    `${VERBS[parts.direction]} “${parts.measureName}” for ${parts.population} at ${parts.siteName}`,
  ];
  if (parts.baseline != null && parts.target != null)
    words.push(`from ${value(parts.baseline)} to ${value(parts.target)}`);
  else if (parts.target != null) words.push(`to ${value(parts.target)}`);
  if (parts.targetPeriod) words.push(`by ${monthLabel(parts.targetPeriod)}`);
  return `${words.join(' ')}.`;
}
