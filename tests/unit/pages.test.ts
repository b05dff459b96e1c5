import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCn } from '../../src/i18n/zh-cn';
import { docPages, readFrontmatter, REQUIRED_SLUGS } from '../support/docs-pages';
import { editionOfPath, preferredEdition } from '../../src/lib/preferred-lang';

const slugs = (edition: 'en' | 'zh-cn') => docPages(edition).map((page) => page.slug);

describe('the two editions', () => {
  test('every English page has a Chinese twin with the same slug', () => {
    const zh = new Set(slugs('zh-cn'));
    expect(slugs('en').filter((slug) => !zh.has(slug))).toEqual([]);
  });

  test('every Chinese page has an English twin with the same slug', () => {
    const english = new Set(slugs('en'));
    expect(slugs('zh-cn').filter((slug) => !english.has(slug))).toEqual([]);
  });

  test.each(['en', 'zh-cn'] as const)('%s has the eight pages of the course', (edition) => {
    expect(slugs(edition)).toEqual(expect.arrayContaining([...REQUIRED_SLUGS]));
  });
});

describe('frontmatter', () => {
  test.each(docPages().map((page) => [page.path, page.file] as const))('%s has a title and a description', (_, file) => {
    const fields = readFrontmatter(file);
    expect(fields.title?.trim(), 'title').toBeTruthy();
    expect(fields.description?.trim(), 'description').toBeTruthy();
  });
});

/** Every key path of a nested dictionary, with the kind of value found there. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${typeof value}`];
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
    .sort();
}

describe('UI dictionaries', () => {
  test('zh-cn has exactly the keys of en, with the same kinds of values', () => {
    const english = keyPaths(en);
    const chinese = keyPaths(zhCn);
    expect(chinese.filter((path) => !english.includes(path)), 'keys only in zh-cn').toEqual([]);
    expect(english.filter((path) => !chinese.includes(path)), 'keys missing from zh-cn').toEqual([]);
  });

  test('no zh-cn string is empty', () => {
    const empty = keyPaths(zhCn).filter((path) => path.endsWith(': string')).filter((path) => {
      const value = path
        .replace(/: string$/, '')
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], zhCn);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});

describe('which edition the root page opens', () => {
  test.each([
    [['zh-CN', 'en-US'], 'zh-cn'],
    [['zh-TW'], 'zh-cn'],
    [['zh'], 'zh-cn'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-CN', 'en'], 'zh-cn'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (languages, edition) => {
    expect(preferredEdition(languages)).toBe(edition);
  });

  test('a path names its edition only under the base', () => {
    expect(editionOfPath('/zh-cn/nope/', '/')).toBe('zh-cn');
    expect(editionOfPath('/sub/zh-cn/nope/', '/sub/')).toBe('zh-cn');
    expect(editionOfPath('/sub/en/', '/sub')).toBe('en');
    expect(editionOfPath('/zh-cn/x/', '/sub/')).toBeNull();
    expect(editionOfPath('/fr/', '/')).toBeNull();
  });
});
