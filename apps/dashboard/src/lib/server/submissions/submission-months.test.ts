import { describe, expect, it } from 'vitest';
import { isOverdue, submissionDeadline } from './submission-deadline.ts';
import { isPeriodText, submittableMonthProblem, submittableMonths } from './submission-months.ts';

const today = new Date('2026-11-26T10:00:00Z');

describe('submittable months', () => {
  it('offers the current month and the 12 before it, newest first', () => {
    const months = submittableMonths(today);
    expect(months).toHaveLength(13);
    expect([months[0], months[1], months[12]]).toEqual(['2026-11', '2026-10', '2025-11']);
  });

  it('crosses a year end', () => {
    expect(submittableMonths(new Date('2027-01-03T00:00:00Z')).slice(0, 3)).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
    ]);
  });

  it('reads the month in UTC (late on the last day of a month is still that month)', () => {
    expect(submittableMonths(new Date('2026-10-31T23:30:00Z'))[0]).toBe('2026-10');
  });

  it('refuses future months with the months that may be submitted', () => {
    expect(submittableMonthProblem('2026-12', today)).toBe(
      '2026-12 is in the future: you can submit the current month (2026-11) and the 12 months before it.',
    );
  });

  it('refuses months more than 12 back, pointing to the network admin', () => {
    expect(submittableMonthProblem('2025-10', today)).toMatch(
      /more than 12 months ago.*oldest month you can submit is 2025-11.*network admin/,
    );
    expect(submittableMonthProblem('2025-11', today)).toBeNull();
  });

  it('refuses malformed and missing months', () => {
    expect(submittableMonthProblem('2026-10-01', today)).toMatch(/not written YYYY-MM/);
    expect(submittableMonthProblem('Oct 2026', today)).toMatch(/not written YYYY-MM/);
    expect(submittableMonthProblem(null, today)).toMatch(/Choose the month/);
    expect(submittableMonthProblem('2026-13', today)).toMatch(/not written YYYY-MM/);
  });

  it('recognises month texts', () => {
    expect([
      isPeriodText('2026-04'),
      isPeriodText('2026-4'),
      isPeriodText(null),
      isPeriodText('2026-00'),
    ]).toEqual([true, false, false, false]);
  });
});

describe('submission deadline', () => {
  it('is the 15th of the following month', () => {
    expect(submissionDeadline('2026-10')).toBe('2026-11-15');
    expect(submissionDeadline('2026-12')).toBe('2027-01-15');
  });

  it('is overdue from the 16th', () => {
    expect(isOverdue('2026-10', new Date('2026-11-15T23:59:59Z'))).toBe(false);
    expect(isOverdue('2026-10', new Date('2026-11-16T00:00:00Z'))).toBe(true);
    expect(isOverdue('2026-11', today)).toBe(false);
    expect(isOverdue('2025-01', today)).toBe(true);
  });
});
