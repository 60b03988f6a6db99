import { describe, expect, it } from 'vitest';
import { expiredMentionIndices, parseRetention, retentionCutoff } from './retention.js';

describe('retention', () => {
  it.each([
    ['13mo', { months: 13 }],
    ['2y', { months: 24 }],
    ['8w', { days: 56 }],
    ['400d', { days: 400 }],
    ['13', undefined],
    ['0mo', undefined],
    ['1 month', undefined],
  ])('parses %s', (text, want) => {
    expect(parseRetention(text)).toEqual(want);
  });

  it('deletes only months that ended before the cutoff, for this prefix', () => {
    const now = new Date('2026-12-02T07:00:00Z');
    const cutoff = retentionCutoff({ months: 13 }, now);
    expect(cutoff.toISOString()).toBe('2025-11-02T07:00:00.000Z');
    const indices = [
      'e-mentions-2025.09',
      'e-mentions-2025.10',
      'e-mentions-2025.11',
      'e-mentions-2026.12',
      'other-mentions-2020.01',
      'e-alerts',
      'e-mentions-2024.01',
    ];
    expect(expiredMentionIndices(indices, 'e', cutoff)).toEqual([
      { index: 'e-mentions-2024.01', month: '2024.01' },
      { index: 'e-mentions-2025.09', month: '2025.09' },
      { index: 'e-mentions-2025.10', month: '2025.10' },
    ]);
  });
});
