/**
 * The preview images' drawing (src/integrations/og-images.ts): which SVG of a page is its figure, what is left out
 * of the picture, and the card it is drawn on. The built site's images are checked in tests/browser/manners.test.ts.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { firstFigure, OG_HEIGHT, OG_WIDTH, renderCard } from '../../../src/integrations/og-images';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const katex = `<svg ${NS} width="400em" height="0.24em" viewBox="0 0 400000 240"><path d="M0 0h400000"/></svg>`;
const back = `<svg ${NS} class="fl-plot fl-back" viewBox="0 0 200 120" width="200" height="120"><title id="a">T</title><g class="fl-axes"><line x1="0" x2="200" y1="110" y2="110" stroke="currentColor"/><text x="4" y="100">π/2</text></g></svg>`;
const front = `<svg ${NS} class="fl-plot fl-front" viewBox="0 0 200 120" width="200" height="120"><path d="M0 100L200 10" stroke="#d6336c" stroke-width="3" fill="none"/><g class="fl-legend"><rect width="20" height="10"/><g><text>目标</text></g></g></svg>`;
const page = (body: string) => `<html><head></head><body><nav>${back}</nav><main>${body}</main></body></html>`;

describe('a page’s figure', () => {
  it('is its first plot in <main>, with the curves’ layer, without text, titles or legend', () => {
    const svg = firstFigure(page(`<p>${katex}</p><div>${back}${front}</div>`))!;
    expect(svg).toContain('class="fl-plot fl-back"');
    expect(svg).toContain('<path d="M0 100L200 10"');
    expect(svg).not.toMatch(/<text|<title|fl-legend|目标|400em/);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).toContain('color="#4a4a4a"');
  });

  it('is none when the page draws no plot (KaTeX’s SVGs are not figures)', () => {
    expect(firstFigure(page(`<p>${katex}</p>`))).toBeNull();
  });
});

describe('the preview card', () => {
  it('is a 1200 × 630 PNG with the figure drawn on white', async () => {
    const png = await renderCard(firstFigure(page(back + front))!);
    const image = sharp(png);
    const meta = await image.metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    // Some pixels carry the curve's colour (#d6336c): the figure is drawn, not a blank card.
    let pink = 0;
    for (let i = 0; i < data.length; i += info.channels)
      if (Math.abs(data[i]! - 0xd6) < 24 && Math.abs(data[i + 1]! - 0x33) < 24 && Math.abs(data[i + 2]! - 0x6c) < 24)
        pink++;
    expect(pink).toBeGreaterThan(500);
  });
});
