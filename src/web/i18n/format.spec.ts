import { formatDate, formatMinutes, formatNumber, percentOf } from './format';

describe('formatting for the page language', () => {
  it('writes calendar dates in each language without shifting the day', () => {
    expect(formatDate('en', '2026-03-04')).toBe('March 4, 2026');
    expect(formatDate('es', '2026-03-04')).toBe('4 de marzo de 2026');
    expect(formatDate('en', '2026-01-01')).toBe('January 1, 2026');
    expect(formatDate('en', null)).toBe('');
  });

  it('writes minutes as hours and minutes', () => {
    expect(formatMinutes('en', 750)).toBe('12 h 30 min');
    expect(formatMinutes('es', 4800)).toBe('80 h');
    expect(formatMinutes('en', 45)).toBe('45 min');
    expect(formatMinutes('en', -90)).toBe('−1 h 30 min');
    expect(formatMinutes('en', 0)).toBe('0 min');
  });

  it('writes numbers as Spanish is written in the United States (es-US), as English does', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('es', 1234.5)).toBe('1,234.5');
  });

  it('clamps bar widths', () => {
    expect(percentOf(30, 80)).toBe(37);
    expect(percentOf(100, 80)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });
});
