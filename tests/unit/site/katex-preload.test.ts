import { describe, expect, it } from 'vitest';
import { fontFiles, withFontPreloads } from '../../../src/integrations/katex-preload';

describe('KaTeX font preloads', () => {
  it('picks the woff2 file of each preloaded font, ignoring other fonts and formats', () => {
    const names = [
      'KaTeX_Main-Regular.ab.woff',
      'KaTeX_Main-Regular.cd.woff2',
      'KaTeX_Main-RegularX.zz.woff2',
      'KaTeX_Math-Italic.ef.woff2',
      'KaTeX_AMS-Regular.gh.woff2',
    ];
    expect(fontFiles(names)).toEqual(['KaTeX_Main-Regular.cd.woff2', 'KaTeX_Math-Italic.ef.woff2']);
  });

  it('adds the links before the first stylesheet, only on pages with math, and only once', () => {
    const page =
      '<head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"></head><body><span class="katex">x</span></body>';
    const once = withFontPreloads(page, ['/sub/_astro/KaTeX_Main-Regular.cd.woff2']);
    expect(once).toContain(
      '<link rel="preload" as="font" type="font/woff2" href="/sub/_astro/KaTeX_Main-Regular.cd.woff2" crossorigin>',
    );
    expect(once.indexOf('rel="preload"')).toBeLessThan(once.indexOf('rel="stylesheet"'));
    expect(withFontPreloads(once, ['/x.woff2'])).toBe(once);
    const prose = '<head><link rel="stylesheet" href="/a.css"></head><body>no math</body>';
    expect(withFontPreloads(prose, ['/x.woff2'])).toBe(prose);
  });
});
