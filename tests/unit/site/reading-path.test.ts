import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docPages, EDITIONS } from '../../support/docs-pages';

/**
 * The reader's path: every page is in the sidebar once, no page overrides Starlight's prev/next (so "next" is always
 * the next sidebar entry), and the overview's guide lists every other page in sidebar order.
 */

const config = readFileSync('astro.config.mjs', 'utf8');
const sidebarBlock = /sidebar:\s*\[([\s\S]*?)\n\s*\],/.exec(config)?.[1] ?? '';
const sidebar = [...sidebarBlock.matchAll(/slug:\s*'([^']*)'/g)].map(([, slug = '']) => (slug === 'index' ? '' : slug));

describe('the reading path', () => {
  test('the sidebar lists every page exactly once', () => {
    expect(sidebar.length).toBeGreaterThan(10);
    expect(new Set(sidebar).size).toBe(sidebar.length);
    for (const edition of EDITIONS) {
      expect([...sidebar].sort(), edition).toEqual(
        docPages(edition)
          .map((page) => page.slug)
          .sort(),
      );
    }
  });

  test.each(docPages().map((page) => [page.path, page.file] as const))(
    '%s leaves prev/next to the sidebar',
    (_, file) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      expect(frontmatter).not.toMatch(/^(prev|next):/m);
    },
  );

  test.each(EDITIONS)('the %s overview guides to every other page, in sidebar order', (edition) => {
    const overview = readFileSync(`content/docs/${edition}/index.mdx`, 'utf8');
    const guide = overview.split(/^## (?:A guide to the pages|阅读指南)\s*$/m)[1]?.split(/^## /m)[0] ?? '';
    const listed = [...guide.matchAll(/^- \[[^\]]*\]\(([\w-]+)\/\)/gm)].map(([, slug = '']) => slug);
    expect(listed).toEqual(sidebar.filter((slug) => slug !== ''));
  });
});
