import { describe, expect, it } from 'vitest';
import { annotationMarks } from './annotation-marks';

const months = Array.from({ length: 48 }, (_, i) => new Date(Date.UTC(2022, 3 + i, 1)));
const change = (number: number, month: number) => ({
  at: new Date(Date.UTC(2023, month, 1)),
  number,
  label: `Change ${number}`,
});

describe('annotationMarks', () => {
  it('keeps markers in one row when they are far enough apart', () => {
    const { marginTop } = annotationMarks([change(1, 0), change(2, 6)], months, 900);
    expect(marginTop).toBe(28);
  });

  it('alternates close markers between two rows so their numbers stay readable', () => {
    const { marginTop, marks } = annotationMarks([change(1, 0), change(2, 1), change(3, 2)], months, 300);
    expect(marginTop).toBe(48);
    expect(marks).toHaveLength(1 + 2 * 2); // the rules, then a disc and a number per row
  });

  it('draws nothing without changes', () => {
    expect(annotationMarks([], months, 600)).toEqual({ marks: [], marginTop: 20 });
  });
});
