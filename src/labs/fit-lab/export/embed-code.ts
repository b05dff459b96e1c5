/** The embed page's address for a Fit Lab's settings, and the `<iframe>` snippet a reader pastes into their page. */
import type { Lang } from '../../../i18n';

/** Tall enough for the lab, its buttons and the loss plot at the width of most article columns. */
export const EMBED_HEIGHT = 960;

/** `/base/{lang}/embed/fit-lab/?{query}` on `origin`. */
export function embedUrl(origin: string, base: string, lang: Lang, query: string): string {
  const path = `${base.replace(/\/?$/, '/')}${lang}/embed/fit-lab/`;
  return `${origin}${path}${query ? `?${query}` : ''}`;
}

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(src: string, title: string): string {
  return (
    `<iframe src="${attribute(src)}" title="${attribute(title)}" loading="lazy" ` +
    `width="100%" height="${EMBED_HEIGHT}" style="border: 0; max-width: 64rem"></iframe>`
  );
}
