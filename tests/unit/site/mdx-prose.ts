/**
 * Reads the running prose of an MDX page: which lines are paragraph text, and that text with everything that is not
 * prose (code spans, inline maths, JSX tags, comments, link targets) masked out. Frontmatter, fenced code, display
 * maths, tables, imports and multi-line JSX tags are skipped whole.
 */

export interface ProseLine {
  /** 1-based line number in the file. */
  line: number;
  raw: string;
  /** `raw` with non-prose spans replaced by a space. */
  prose: string;
  /** True when this line continues the paragraph (or list item) of the line before it. */
  continues: boolean;
}

/** Chinese characters and the full-width punctuation that runs with them. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u201c\u201d\u2014\u2026]/u;

export const isChinese = (char: string) => char !== '' && CHINESE.test(char);

const NON_PROSE = /`[^`]*`|\$[^$]*\$|<\/?[A-Za-z][^>]*>|\{\/\*.*?\*\/\}|\]\([^)]*\)/g;

export const maskNonProse = (line: string) => line.replace(NON_PROSE, (span) => (span.startsWith(']') ? ']' : ' '));

/** The last character a reader sees on the line: emphasis marks and a link's target are not seen. */
export function lastVisible(line: string): string {
  const text = line
    .trimEnd()
    .replace(/\]\([^)]*\)$/, '')
    .replace(/[*_\]]+$/, '');
  return text.slice(-1);
}

/** The first character a reader sees on the line. */
export function firstVisible(line: string): string {
  return line.trim().replace(/^[*_[]+/, '')[0] ?? '';
}

/** An HTML element opened and closed on one line (`<li>…</li>`, `<dd>…</dd>`): a block of its own, not running text. */
const blockElement = /^\s*<([a-z][\w-]*)\b[^>]*>.*<\/\1>\s*$/;

const startsBlock = (line: string) => /^\s*(([-*+]|\d+\.)\s|#|\||\$\$|>|:::|import |export )/.test(line);

export function proseLines(text: string): ProseLine[] {
  const lines = text.split(/\r?\n/);
  const out: ProseLine[] = [];
  let i = 0;
  if (lines[0] === '---') {
    i = 1;
    while (i < lines.length && lines[i] !== '---') i++;
    i++;
  }
  let previousWasProse = false;
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(raw)) {
      const fence = raw.trim().slice(0, 3);
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence)) i++;
      previousWasProse = false;
      continue;
    }
    if (/^\s*\$\$\s*$/.test(raw)) {
      i++;
      while (i < lines.length && !/^\s*\$\$\s*$/.test(lines[i] ?? '')) i++;
      previousWasProse = false;
      continue;
    }
    // An opening JSX tag whose attributes run over several lines.
    if (/^\s*<[A-Za-z][^>]*$/.test(raw)) {
      while (i < lines.length && !/>\s*$/.test(lines[i] ?? '')) i++;
      previousWasProse = false;
      continue;
    }
    // Table rows are prose for quotes and terms, but a row never continues another line.
    if (/^\s*\|/.test(raw)) {
      out.push({ line: i + 1, raw, prose: maskNonProse(raw), continues: false });
      previousWasProse = false;
      continue;
    }
    const wholeTag = /^\s*(<[^>]*>\s*)+$/.test(raw);
    if (
      raw.trim() === '' ||
      wholeTag ||
      blockElement.test(raw) ||
      /^\s*(import |export |\{\/\*)/.test(raw) ||
      /^\s*\$\$.*\$\$\s*$/.test(raw)
    ) {
      previousWasProse = false;
      continue;
    }
    out.push({ line: i + 1, raw, prose: maskNonProse(raw), continues: previousWasProse && !startsBlock(raw) });
    previousWasProse = !/^\s*#/.test(raw);
  }
  return out;
}

/** Soft line breaks that a browser shows as a space between two Chinese characters. */
export function breaksBetweenChinese(text: string): number[] {
  const lines = proseLines(text);
  return lines
    .filter((line, k) => {
      const before = lines[k - 1];
      return (
        line.continues &&
        before !== undefined &&
        isChinese(lastVisible(before.raw)) &&
        isChinese(firstVisible(line.raw))
      );
    })
    .map((line) => line.line);
}

/**
 * Every soft line break inside a paragraph or list item: the line numbers of the lines that continue the one before.
 * A paragraph is one line, so a Chinese page has none.
 */
export function softBreaks(text: string): number[] {
  return proseLines(text)
    .filter((line) => line.continues)
    .map((line) => line.line);
}

/**
 * Lines with a `**` pair that CommonMark cannot use. Taking the runs of a line in pairs, an opening run must be
 * left-flanking and a closing one right-flanking; between punctuation and a Chinese character (`)**说`, `是**“`)
 * neither holds, and the reader sees two asterisks instead of bold.
 */
export function unclosableEmphasis(text: string): number[] {
  const space = (c: string) => c === '' || /\s/u.test(c);
  const punct = (c: string) => /[\p{P}\p{S}]/u.test(c);
  const canOpen = (before: string, after: string) => !space(after) && (!punct(after) || space(before) || punct(before));
  const canClose = (before: string, after: string) =>
    !space(before) && (!punct(before) || space(after) || punct(after));
  // Runs pair up across a whole paragraph, whose lines may each hold one end of a bold span.
  const paragraphs: ProseLine[][] = [];
  for (const line of proseLines(text)) {
    const last = paragraphs.at(-1);
    if (line.continues && last) last.push(line);
    else paragraphs.push([line]);
  }
  const bad = new Set<number>();
  for (const paragraph of paragraphs) {
    let k = 0;
    for (const line of paragraph) {
      const visible = line.raw.trim().replace(/`[^`]*`|\$[^$]*\$/g, (span) => 'x'.repeat(span.length));
      for (const match of visible.matchAll(/(?<!\*)\*\*(?!\*)/g)) {
        const before = visible[match.index - 1] ?? '';
        const after = visible[match.index + 2] ?? '';
        if (!(k % 2 === 0 ? canOpen(before, after) : canClose(before, after))) bad.add(line.line);
        k++;
      }
    }
  }
  return [...bad];
}
