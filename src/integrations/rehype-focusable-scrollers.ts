/**
 * Display formulas and tables scroll sideways on narrow screens (`overflow-x: auto`: site.css for formulas,
 * Starlight's own CSS for tables); a scrolling region must be reachable by keyboard, so each `.katex-display`
 * (whose MathML twin gives screen readers the formula) and each prose table gets `tabindex="0"`.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

function classes(node: Element): string[] {
  const value: unknown = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

export default function rehypeFocusableScrollers() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table' || classes(node).includes('katex-display')) {
        node.properties = { ...node.properties, tabIndex: 0 };
      }
    });
  };
}
