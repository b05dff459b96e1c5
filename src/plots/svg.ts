/**
 * Tiny helpers for building SVG as strings, so plot builders run the same at build time (no DOM) and in islands.
 * Every piece of text that reaches the markup goes through `esc`.
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolTriangle2, symbolWye } from 'd3-shape';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${esc(String(v))}"`;
  return out;
}

export const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Per-neuron styles: colour (Okabe–Ito, readable on light and dark), dash pattern and marker shape, so neurons
 * are told apart without colour too.
 */
export const NEURON_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#999933', '#882255'];
export const NEURON_DASHES = ['7 3', '2 3', '10 3 2 3', '4 4', '12 4', '1 3 5 3', '6 2 2 2 2 2', '3 6'];
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolTriangle2, symbolWye];

export function neuronStyle(i: number): { colour: string; dash: string; marker: (size: number) => string } {
  const k = ((i % 8) + 8) % 8;
  const shape = SHAPES[k]!;
  return {
    colour: NEURON_COLOURS[k]!,
    dash: NEURON_DASHES[k]!,
    marker: (size: number) => symbol(shape, size).digits(2)() ?? '',
  };
}

export const DEAD_COLOUR = '#8a8a8a';
export const DEAD_DASH = '1 4';

/** Nice tick formatting without d3-format's bulk: up to 3 significant digits, trailing zeros trimmed. */
export function tickText(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}
