/**
 * Brings an SVG drawn in `container` up to date with `markup`, the same plot builder's string for a newer state.
 * When the markup has the same elements in the same order as what is drawn (the usual case from one frame of a
 * run to the next: only numbers move), just the attributes and texts that changed are set — no parsing and no new
 * nodes, so a frame costs the browser a few path updates. Otherwise the markup replaces the drawing.
 */

interface Token {
  tag: string;
  attrs: Array<[string, string]>;
  /** The text directly inside the element (plot builders put text in leaf elements only). */
  text: string;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (text: string) => text.replace(ENTITY, (_, name: string) => ENTITIES[name]!);

/** The elements of `markup` in document order, or null if it is not markup this can follow. */
function tokens(markup: string): Token[] | null {
  const out: Token[] = [];
  const open: Token[] = [];
  for (const m of markup.matchAll(TAG)) {
    const [, closing, tag, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      const current = open[open.length - 1];
      if (current) current.text += decode(text);
      else if (text.trim()) return null;
    } else if (closing) open.pop();
    else {
      const token: Token = {
        tag: tag!.toLowerCase(),
        attrs: [...attrs.matchAll(ATTR)].map((a) => [a[1]!, decode(a[2]!)]),
        text: '',
      };
      out.push(token);
      if (!selfClosing) open.push(token);
    }
  }
  return out;
}

export function patchSvg(container: Element, markup: string): void {
  const next = tokens(markup);
  const drawn = container.querySelectorAll('*');
  const same =
    next !== null &&
    next.length === drawn.length &&
    next.every((t, i) => {
      const element = drawn[i]!;
      return (
        element.tagName.toLowerCase() === t.tag &&
        element.attributes.length === t.attrs.length &&
        t.attrs.every(([name]) => element.hasAttribute(name))
      );
    });
  if (!same) {
    container.innerHTML = markup;
    return;
  }
  next.forEach((t, i) => {
    const element = drawn[i]!;
    for (const [name, value] of t.attrs) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    if (element.childElementCount === 0 && element.textContent !== t.text) element.textContent = t.text;
  });
}
