/**
 * Display formulas scroll sideways on narrow screens (`overflow-x: auto` in site.css); a scrolling region must be
 * reachable by keyboard, so each `.katex-display` gets `tabindex="0"` (its MathML twin gives screen readers the formula).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

function classes(node: Element): string[] {
  const value: unknown = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

export default function rehypeFocusableMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (classes(node).includes('katex-display')) {
        node.properties = { ...node.properties, tabIndex: 0 };
      }
    });
  };
}
