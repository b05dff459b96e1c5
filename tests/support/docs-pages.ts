/**
 * The site's prose pages, discovered from `content/docs/{en,zh-cn}/**` (never a hard-coded list), shared by the
 * unit tests (twins, frontmatter) and the browser tests (which pages to load).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const DOCS_ROOT = resolve('content/docs');
export const EDITIONS = ['en', 'zh-cn'] as const;
export type Edition = (typeof EDITIONS)[number];

/** The eight pages issue 2 asks for, in sidebar order ('' is the overview). */
export const REQUIRED_SLUGS = [
  '',
  'activations',
  'experiment',
  'fitting-units',
  'dead-relu',
  'one-neuron',
  'many-seeds',
  'code',
] as const;

export interface DocPage {
  edition: Edition;
  /** Slug inside the edition: '' for the overview, `experiment`, `guide/part` for nested files. */
  slug: string;
  file: string;
  /** Path under the site base, with the trailing slash the site uses: `en/`, `zh-cn/experiment/`. */
  path: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    // Files starting with `_` are partials, not pages (the collection's glob skips them too).
    return /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_') ? [full] : [];
  });
}

export function slugOf(fileInEdition: string): string {
  const withoutExt = fileInEdition
    .split(sep)
    .join('/')
    .replace(/\.mdx?$/, '');
  return withoutExt === 'index' ? '' : withoutExt.replace(/\/index$/, '').toLowerCase();
}

export function docPages(edition?: Edition): DocPage[] {
  const editions = edition ? [edition] : EDITIONS;
  return editions.flatMap((lang) =>
    walk(join(DOCS_ROOT, lang))
      .map((file) => {
        const slug = slugOf(relative(join(DOCS_ROOT, lang), file));
        return { edition: lang, slug, file, path: `${lang}/${slug ? `${slug}/` : ''}` };
      })
      .sort((a, b) => a.slug.localeCompare(b.slug)),
  );
}

/**
 * Top-level scalar fields of a page's YAML frontmatter: `key: value`, quoted values, and `>`/`|` block scalars.
 * Enough for title/description; nested keys are ignored.
 */
export function readFrontmatter(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!match?.[1]) return {};
  const lines = match[1].split(/\r?\n/);
  const fields: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const field = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(lines[i] ?? '');
    if (!field?.[1]) continue;
    let value = (field[2] ?? '').trim();
    if (/^[>|][+-]?$/.test(value)) {
      const block: string[] = [];
      while (i + 1 < lines.length && /^(\s+|$)/.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '') !== '') {
        block.push((lines[++i] ?? '').trim());
      }
      value = block.join(value.startsWith('>') ? ' ' : '\n');
    } else if (/^(['"]).*\1$/.test(value)) {
      value = value.slice(1, -1);
    }
    fields[field[1]] = value.trim();
  }
  return fields;
}

/** Whether the page's source contains TeX math ($…$ or $$…$$) outside code. */
export function hasMath(file: string): boolean {
  const text = readFileSync(file, 'utf8')
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return /\$\$[\s\S]+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+(?<!\s)\$/.test(text);
}
