/** The embed page's address and the `<iframe>` snippet "Copy embed code" gives. */
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT, embedSnippet, embedUrl } from '../../../src/labs/fit-lab/export/embed-code';

describe('embed code', () => {
  it('addresses the embed page of the language, under the base, with the settings', () => {
    expect(embedUrl('https://example.org', '/', 'en', 'challenge=two-relus&seed=7')).toBe(
      'https://example.org/en/embed/fit-lab/?challenge=two-relus&seed=7',
    );
    expect(embedUrl('http://127.0.0.1:4321', '/sub', 'zh-cn', '')).toBe(
      'http://127.0.0.1:4321/sub/zh-cn/embed/fit-lab/',
    );
  });

  it('is one iframe, lazily loaded and titled, with its attributes escaped', () => {
    const snippet = embedSnippet('https://x.org/en/embed/fit-lab/?a=1&b="2"<', 'Lab "one" & <two>');
    expect(snippet).toBe(
      '<iframe src="https://x.org/en/embed/fit-lab/?a=1&amp;b=&quot;2&quot;&lt;" title="Lab &quot;one&quot; &amp; &lt;two&gt;" ' +
        `loading="lazy" width="100%" height="${EMBED_HEIGHT}" style="border: 0; max-width: 64rem"></iframe>`,
    );
    expect(snippet.match(/</g)).toHaveLength(2);
  });
});
