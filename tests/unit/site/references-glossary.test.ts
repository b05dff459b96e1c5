import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docPages, EDITIONS, type Edition } from '../../support/docs-pages';

/**
 * The references and glossary pages, and every link into them: each work has an anchor and a link, each glossary
 * entry both its English and its Chinese term, and every `references/#id` or `glossary/#id` link on any page of
 * either language lands on an anchor that exists in that language.
 */

const pages = docPages().map((page) => ({ ...page, text: readFileSync(page.file, 'utf8') }));
const pageOf = (edition: Edition, slug: string) => pages.find((p) => p.edition === edition && p.slug === slug);

/** `<li id="…">…</li>` entries of a references page. */
export const referenceEntries = (text: string) =>
  [...text.matchAll(/<li id="([\w-]+)">(.*?)<\/li>/g)].map(([, id = '', body = '']) => ({ id, body }));

/** `<dt id="…">…</dt>` terms of a glossary page, with the `<dd>` that follows. */
export const glossaryEntries = (text: string) =>
  [...text.matchAll(/<dt id="([\w-]+)">(.*?)<\/dt>\s*<dd>(.*?)<\/dd>/g)].map(
    ([, id = '', term = '', definition = '']) => ({ id, term, definition }),
  );

/** Links into the two pages: `](../references/#id)`, `](references/#id)` (from the overview), `href="…"`. */
export const anchorLinks = (text: string) =>
  [...text.matchAll(/(?:\]\(|href=")(?:\.\.\/)?(references|glossary)\/#([^)"\s]+)[)"]/g)].map(
    ([, target = '', id = '']) => ({ target: target as 'references' | 'glossary', id }),
  );

const CHINESE = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;

describe.each(EDITIONS)('%s', (edition) => {
  const references = pageOf(edition, 'references');
  const glossary = pageOf(edition, 'glossary');

  test('the references page lists at least 15 works, each with an anchor, a year and a link', () => {
    const entries = referenceEntries(references?.text ?? '');
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const { id, body } of entries.filter((entry) => entry.id !== 'source')) {
      expect(body, id).toMatch(/\((19|20)\d\d(–)?\)/);
      expect(body, id).toMatch(/\]\(https:\/\/[^)\s]+\)/);
    }
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });

  test('the references page credits the source article by its title', () => {
    expect(referenceEntries(references?.text ?? '').find((entry) => entry.id === 'source')?.body).toContain(
      '机器学习-激活函数的直观理解',
    );
  });

  test('the glossary has at least 30 terms, each with its English and Chinese term and a definition', () => {
    const entries = glossaryEntries(glossary?.text ?? '');
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const { id, term, definition } of entries) {
      const [first = '', second = ''] = term.split(' · ');
      const [english, chinese] = edition === 'en' ? [first, second] : [second, first];
      expect(english, id).toMatch(LATIN);
      expect(chinese, id).toMatch(CHINESE);
      expect(definition.trim().length, id).toBeGreaterThan(10);
      if (edition === 'zh-cn') expect(definition, id).toMatch(CHINESE);
    }
  });

  test.each(pages.filter((page) => page.edition === edition).map((page) => [page.path, page.text] as const))(
    'every reference and glossary link on %s points at an existing anchor',
    (_, text) => {
      const anchors = {
        references: new Set(referenceEntries(references?.text ?? '').map((entry) => entry.id)),
        glossary: new Set(glossaryEntries(glossary?.text ?? '').map((entry) => entry.id)),
      };
      const broken = anchorLinks(text).filter((link) => !anchors[link.target].has(link.id));
      expect(broken).toEqual([]);
    },
  );
});

test('both editions have the same reference and glossary anchors', () => {
  const ids = (slug: string, read: (text: string) => { id: string }[]) =>
    EDITIONS.map((edition) => read(pageOf(edition, slug)?.text ?? '').map((entry) => entry.id));
  const [enRefs, zhRefs] = ids('references', referenceEntries);
  expect(zhRefs).toEqual(enRefs);
  const [enTerms, zhTerms] = ids('glossary', glossaryEntries);
  expect(zhTerms).toEqual(enTerms);
});

test('the readers find what they should', () => {
  expect(referenceEntries('<li id="a2020">A (2020). [x](https://x.org)</li>')).toEqual([
    { id: 'a2020', body: 'A (2020). [x](https://x.org)' },
  ]);
  expect(glossaryEntries('<dt id="kink">kink · 折点</dt>\n  <dd>Where it bends.</dd>')).toEqual([
    { id: 'kink', term: 'kink · 折点', definition: 'Where it bends.' },
  ]);
  expect(anchorLinks('[a](../references/#he2015) [b](glossary/#kink) <a href="../glossary/#x">')).toEqual([
    { target: 'references', id: 'he2015' },
    { target: 'glossary', id: 'kink' },
    { target: 'glossary', id: 'x' },
  ]);
});
