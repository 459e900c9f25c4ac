import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent, formatRate } from './format';

describe('format', () => {
  it('prints bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(6 * 1024 ** 3)).toBe('6.00 GiB');
    expect(formatBytes(null)).toBe('—');
  });

  it('prints rates in bits per second', () => {
    expect(formatRate(2_500_000)).toBe('20 Mbit/s');
    expect(formatRate(12_500_000_000)).toBe('100 Gbit/s');
  });

  it('keeps one decimal only below 10 %', () => {
    expect(formatPercent(4.25)).toBe('4.3 %');
    expect(formatPercent(42.5)).toBe('43 %');
  });
});
