// The 优秀 cap per staff form: the boundary and the rounding (down, at least 1), and no cap when none is set.
import { describe, expect, it } from 'vitest';
import { excellentAllowed, excellentCapBreach, excellentCapMessage } from '../../../shared/assessment/excellent-cap';
import type { StaffGrade } from '../../../shared/scoring/types';

const form = (excellent: number, others: number): StaffGrade[] => [
  ...Array<StaffGrade>(excellent).fill('excellent'),
  ...Array<StaffGrade>(others).fill('good'),
];

describe('excellentAllowed', () => {
  it('rounds the share down', () => {
    expect(excellentAllowed(10, 0.3)).toBe(3);
    expect(excellentAllowed(9, 0.3)).toBe(2);
    expect(excellentAllowed(7, 0.3)).toBe(2);
    expect(excellentAllowed(20, 0.3)).toBe(6);
  });
  it('keeps whole products whole despite floating point', () => {
    expect(excellentAllowed(100, 0.29)).toBe(29);
    expect(excellentAllowed(10, 0.7)).toBe(7);
    expect(excellentAllowed(20, 0.15)).toBe(3);
  });
  it('allows at least one on a small form', () => {
    expect(excellentAllowed(3, 0.3)).toBe(1);
    expect(excellentAllowed(1, 0.3)).toBe(1);
  });
  it('no cap when none is set, never more than the cadres', () => {
    expect(excellentAllowed(5, undefined)).toBe(5);
    expect(excellentAllowed(5, null)).toBe(5);
    expect(excellentAllowed(5, 1)).toBe(5);
  });
});

describe('excellentCapBreach', () => {
  it('accepts a form at the cap and refuses one over it', () => {
    expect(excellentCapBreach(form(3, 7), 0.3)).toBeNull();
    expect(excellentCapBreach(form(4, 6), 0.3)).toEqual({ excellent: 4, allowed: 3, cadres: 10 });
    expect(excellentCapBreach(form(2, 1), 0.3)).toEqual({ excellent: 2, allowed: 1, cadres: 3 });
    expect(excellentCapBreach(form(10, 0), undefined)).toBeNull();
  });
  it('says in Chinese how many 优秀 the form may give', () => {
    expect(excellentCapMessage({ excellent: 4, allowed: 3, cadres: 10 })).toContain('允许的 3 个');
  });
});
