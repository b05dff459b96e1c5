import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { docPages } from '../../support/docs-pages';
import { breaksBetweenChinese, proseLines, softBreaks, unclosableEmphasis } from './mdx-prose';

/**
 * The Chinese edition's typography and terms: a paragraph or list item is one line (a soft line break between two
 * Chinese characters shows as a stray space, and one next to Latin text is where the next one creeps in), curly quotes in prose, and one term per concept — the variants the
 * glossary's 统一用语 table rules out appear on no page.
 */

const zhPages = docPages('zh-cn').map((page) => ({ ...page, text: readFileSync(page.file, 'utf8') }));
const glossary = zhPages.find((page) => page.slug === 'glossary');

/** Rows of the glossary's term table: English, the one Chinese term, the variants it replaces. */
export function termTable(text: string): { english: string; term: string; banned: string[] }[] {
  const section = text.split(/^## 统一用语\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|/.test(line) && !/^\|\s*(英文|-)/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, english = '', term = '', banned = '']) => ({
      english,
      term,
      banned: banned
        .split('、')
        .map((variant) => variant.trim())
        .filter(Boolean),
    }));
}

const occurrences = (text: string, variant: string): number[] => {
  const ascii = /^[\x20-\x7e]+$/.test(variant);
  const pattern = ascii
    ? new RegExp(`\\b${variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')
    : new RegExp(variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return proseLines(text)
    .filter((line) => pattern.test(line.prose))
    .map((line) => line.line);
};

describe('the Chinese pages', () => {
  test('there is a glossary with a term table of at least eight rows, each with a term and a variant', () => {
    expect(glossary, 'content/docs/zh-cn/glossary.mdx').toBeDefined();
    const rows = termTable(glossary?.text ?? '');
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) {
      expect(row.term, row.english).not.toBe('');
      expect(row.banned.length, row.english).toBeGreaterThan(0);
      expect(row.banned, row.english).not.toContain(row.term);
    }
  });

  test.each(zhPages.map((page) => [page.path, page.file, page.text] as const))(
    '%s has no line break inside a paragraph or list item (a paragraph is one line)',
    (_, file, text) => {
      const lines = text.split(/\r?\n/);
      const breaks = softBreaks(text).map(
        (line) => `${relative(process.cwd(), file)}:${line}: ${(lines[line - 1] ?? '').trim().slice(0, 60)}`,
      );
      expect(breaks, 'join each of these lines onto the line before it').toEqual([]);
    },
  );

  test.each(zhPages.map((page) => [page.path, page.text] as const))('%s uses “” in prose, never "', (_, text) => {
    const straight = proseLines(text)
      .filter((line) => line.prose.includes('"'))
      .map((line) => `${line.line}: ${line.raw.trim()}`);
    expect(straight).toEqual([]);
  });

  test.each(zhPages.map((page) => [page.path, page.text] as const))(
    '%s has no ** that CommonMark cannot open or close next to a Chinese character',
    (_, text) => {
      expect(unclosableEmphasis(text)).toEqual([]);
    },
  );

  test.each(zhPages.filter((page) => page !== glossary).map((page) => [page.path, page.text] as const))(
    '%s uses the glossary’s one term per concept',
    (_, text) => {
      const found = termTable(glossary?.text ?? '').flatMap((row) =>
        row.banned.flatMap((variant) =>
          occurrences(text, variant).map((line) => `line ${line}: “${variant}” (use “${row.term}”)`),
        ),
      );
      expect(found).toEqual([]);
    },
  );
});

describe('the prose reader', () => {
  const page = (body: string) => `---\ntitle: t\ndescription: "d"\n---\n${body}`;

  test('finds a break between two Chinese characters, also around emphasis and links', () => {
    expect(breaksBetweenChinese(page('第一行\n第二行\n'))).toEqual([6]);
    expect(breaksBetweenChinese(page('这是**强调**\n**另一**行\n'))).toEqual([6]);
    expect(breaksBetweenChinese(page('见[链接](../x/)\n之后\n'))).toEqual([6]);
  });

  test('leaves breaks next to Latin text, between blocks, and in code, maths and tables alone', () => {
    expect(breaksBetweenChinese(page('中文 ReLU\nReLU 中文\n'))).toEqual([]);
    expect(breaksBetweenChinese(page('段落。\n\n新段落\n'))).toEqual([]);
    expect(breaksBetweenChinese(page('列表：\n- 第一项\n- 第二项\n'))).toEqual([]);
    expect(breaksBetweenChinese(page('```\n代码\n代码\n```\n'))).toEqual([]);
    expect(breaksBetweenChinese(page('$$\n中\n文\n$$\n'))).toEqual([]);
    expect(breaksBetweenChinese(page('| 表 |\n| 格 |\n'))).toEqual([]);
  });

  test('finds every soft line break inside a paragraph or list item, next to Latin text, maths and components too', () => {
    expect(softBreaks(page('第一行\n第二行\n'))).toEqual([6]);
    expect(softBreaks(page('用\n`trainOnBatch` 训练\n'))).toEqual([6]);
    expect(softBreaks(page('中位数为\n<SeedStat name="x" />。\n'))).toEqual([6]);
    expect(softBreaks(page('- 第一项\n  接着写\n- 第二项\n'))).toEqual([6]);
    expect(softBreaks(page('$x$ 是\n$y$\n'))).toEqual([6]);
  });

  test('counts no break between blocks, in code, maths, tables, or between one-line HTML elements', () => {
    expect(softBreaks(page('段落。\n\n新段落\n'))).toEqual([]);
    expect(softBreaks(page('列表：\n\n- 第一项\n- 第二项\n'))).toEqual([]);
    expect(softBreaks(page('```\n代码\n代码\n```\n'))).toEqual([]);
    expect(softBreaks(page('$$\n中\n文\n$$\n'))).toEqual([]);
    expect(softBreaks(page('| 表 |\n| 格 |\n'))).toEqual([]);
    expect(softBreaks(page('<dl>\n  <dt id="a">甲</dt>\n  <dd>定义</dd>\n</dl>\n'))).toEqual([]);
    expect(softBreaks(page('<Aside>\n提示一句。\n</Aside>\n'))).toEqual([]);
  });

  test('masks code spans, maths and JSX attributes, so their quotes are not prose', () => {
    const [line] = proseLines(page('用 `a="b"` 和 $x$ 和 <Stat name="n" /> 以及“引号”'));
    expect(line?.prose).not.toContain('"');
    const [bad] = proseLines(page('他说"你好"'));
    expect(bad?.prose).toContain('"');
  });

  test('finds ** between punctuation and a Chinese character, which CommonMark leaves as literal asterisks', () => {
    expect(unclosableEmphasis(page('**[概览](../)**说明了\n'))).toEqual([5]);
    expect(unclosableEmphasis(page('这正是**“引号”**的\n'))).toEqual([5]);
    expect(unclosableEmphasis(page('[**概览**](../)说明了，**强调**。\n'))).toEqual([]);
    expect(unclosableEmphasis(page('`a)**b` 和 $x$\n'))).toEqual([]);
  });

  test('reads the term table', () => {
    expect(
      termTable(
        '## 统一用语\n\n| 英文 | 统一译名 | 不用 |\n| --- | --- | --- |\n| kink | 折点 | 拐点 |\n| x | 甲 | 乙、丙 |\n',
      ),
    ).toEqual([
      { english: 'kink', term: '折点', banned: ['拐点'] },
      { english: 'x', term: '甲', banned: ['乙', '丙'] },
    ]);
  });
});
