import { describe, expect, it } from 'vitest';
import { formatCount, formatFact, formatMse, formatShare } from '../../../src/shared/format';

describe('many-seeds number formatting', () => {
  it('writes shares as Intl would in both languages, without constructing a formatter', () => {
    const en = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    const zh = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
    for (let k = 0; k <= 1000; k++) {
      expect(formatShare(k / 1000, 'en')).toBe(en.format(k / 1000));
      expect(formatShare(k / 1000, 'zh-cn')).toBe(zh.format(k / 1000));
    }
    expect(formatShare(0.1984732824427481, 'en')).toBe('19.8%');
  });

  it('groups thousands and writes small errors in scientific notation', () => {
    expect(formatCount(1000, 'en')).toBe('1,000');
    expect(formatCount(1000, 'zh-cn')).toBe(new Intl.NumberFormat('zh-CN').format(1000));
    expect(formatCount(200, 'en')).toBe('200');
    expect(formatMse(0.000283)).toBe('2.8×10⁻⁴');
    expect(formatMse(0.3446497)).toBe('0.345');
    expect(formatFact(3000, 'epochs', 'en')).toBe('3,000');
  });
});
