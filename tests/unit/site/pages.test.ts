import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en';
import { zhCn } from '../../../src/i18n/zh-cn';
import { docPages, hasMath, readFrontmatter, REQUIRED_SLUGS, slugOf } from '../../support/docs-pages';
import { editionOfPath, preferredEdition } from '../../../src/i18n/preferred-lang';

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
  test.each(docPages().map((page) => [page.path, page.file] as const))(
    '%s has a title and a description',
    (_, file) => {
      const fields = readFrontmatter(file);
      expect(fields.title?.trim(), 'title').toBeTruthy();
      expect(fields.description?.trim(), 'description').toBeTruthy();
    },
  );
});

describe('the page reader used by these tests', () => {
  const withFile = (text: string, check: (file: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-test-'));
    try {
      const file = join(dir, 'page.mdx');
      writeFileSync(file, text);
      check(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('reads quoted, plain and folded frontmatter values', () => {
    withFile('---\ntitle: "A: title"\ndescription: >\n  folded\n  text\nsidebar:\n  order: 2\n---\nBody', (file) => {
      expect(readFrontmatter(file)).toMatchObject({ title: 'A: title', description: 'folded text' });
    });
  });

  test('finds no title where there is none', () => {
    withFile('---\ndescription: only this\n---\n', (file) => expect(readFrontmatter(file).title).toBeUndefined());
    withFile('no frontmatter', (file) => expect(readFrontmatter(file)).toEqual({}));
  });

  test('sees math in prose but not in code', () => {
    withFile('Text $x^2$ here.', (file) => expect(hasMath(file)).toBe(true));
    withFile('$$\nW_2(W_1x)\n$$', (file) => expect(hasMath(file)).toBe(true));
    withFile('Run `echo $HOME $PATH`.\n\n```sh\nexport A=$B $C\n```\n', (file) => expect(hasMath(file)).toBe(false));
  });

  test('maps files to slugs', () => {
    expect(slugOf('index.mdx')).toBe('');
    expect(slugOf('dead-relu.mdx')).toBe('dead-relu');
    expect(slugOf(join('guide', 'index.md'))).toBe('guide');
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
    expect(
      chinese.filter((path) => !english.includes(path)),
      'keys only in zh-cn',
    ).toEqual([]);
    expect(
      english.filter((path) => !chinese.includes(path)),
      'keys missing from zh-cn',
    ).toEqual([]);
  });

  test('no zh-cn string is empty', () => {
    const empty = keyPaths(zhCn)
      .filter((path) => path.endsWith(': string'))
      .filter((path) => {
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
