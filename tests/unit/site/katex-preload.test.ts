import { describe, expect, it } from 'vitest';
import { fontFiles, fontsFor, withFontPreloads } from '../../../src/integrations/katex-preload';

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
    expect(fontFiles([...names, 'KaTeX_Size2-Regular.ij.woff2'], ['KaTeX_Size2-Regular'])).toEqual([
      'KaTeX_Size2-Regular.ij.woff2',
    ]);
  });

  it('adds a size font only where a formula uses it: big operators, tall delimiters', () => {
    const math = (inner: string) => `<span class="katex">${inner}</span>`;
    expect(fontsFor('<p>no math</p>')).toEqual([]);
    expect(fontsFor(math('<span class="mord mathnormal">x</span>'))).toEqual([
      'KaTeX_Main-Regular',
      'KaTeX_Math-Italic',
    ]);
    // A display Σ is a large operator (Size2); an inline one is small (Size1).
    expect(fontsFor(math('<span class="mop op-symbol large-op">∑</span>')).slice(2)).toEqual(['KaTeX_Size2-Regular']);
    expect(fontsFor(math('<span class="mop op-symbol small-op">∑</span>')).slice(2)).toEqual(['KaTeX_Size1-Regular']);
    expect(
      fontsFor(math('<span class="mopen delimsizing size1">(</span><span class="delimsizing size4">)</span>')).slice(2),
    ).toEqual(['KaTeX_Size1-Regular', 'KaTeX_Size4-Regular']);
    expect(fontsFor(math('<span class="delimsizing mult"><span class="delim-size4">⎛</span></span>')).slice(2)).toEqual(
      ['KaTeX_Size4-Regular'],
    );
    // Not fooled by other words that contain the names.
    expect(fontsFor(math('<span class="large-operator-note size10">x</span>')).slice(2)).toEqual([]);
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
