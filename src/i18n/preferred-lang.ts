/**
 * Which edition a reader prefers, from the browser's ordered language list (`navigator.languages`).
 * The first entry that is some Chinese or some English decides; anything else (or nothing) means English,
 * the default edition. Any Chinese variant goes to the Simplified edition, the only Chinese one we have.
 */
export type Edition = 'en' | 'zh-cn';

export function preferredEdition(languages: readonly string[] | undefined | null): Edition {
  for (const tag of languages ?? []) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-cn';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The edition a site path belongs to (`/sub/zh-cn/x/` under base `/sub/` → `zh-cn`), or null outside both. */
export function editionOfPath(pathname: string, base: string): Edition | null {
  const normalizedBase = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(normalizedBase)) return null;
  const first = pathname.slice(normalizedBase.length).split('/')[0]?.toLowerCase();
  return first === 'en' || first === 'zh-cn' ? first : null;
}
