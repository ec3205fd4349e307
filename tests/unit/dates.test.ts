import { describe, expect, it } from 'vitest';
import { parseOccurredAt } from '../../shared/dates.ts';

describe('parseOccurredAt', () => {
  it('gives the bounds of a day, a month, a year and a range', () => {
    expect(parseOccurredAt('2024-02-28')).toEqual({ from: '2024-02-28', to: '2024-02-28' });
    expect(parseOccurredAt('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseOccurredAt('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(parseOccurredAt('2016')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(parseOccurredAt('2024-03-01/2024-03-03')).toEqual({ from: '2024-03-01', to: '2024-03-03' });
  });

  it('rejects impossible dates and backwards ranges', () => {
    for (const bad of [
      '2024-02-30',
      '2024-13',
      '24-02-01',
      '2024-03-03/2024-03-01',
      'yesterday',
      '2024/2025/2026',
      '',
    ]) {
      expect(parseOccurredAt(bad), bad).toBeNull();
    }
  });
});
