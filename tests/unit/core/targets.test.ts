import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression } from '../../../src/core/data/expression';
import { compileTarget, TARGET_PRESET_IDS, TARGET_PRESETS } from '../../../src/core/data/targets';
import { linspace } from '../../../src/core/data/dataset';

const grid = linspace(0, 2 * Math.PI, 100);

function value(src: string, x: number): number {
  const parsed = parseExpression(src);
  if (!parsed.ok) throw new Error(`did not parse: ${src} (${parsed.error.code})`);
  return evaluate(parsed.expr, x);
}

function errorOf(src: string) {
  const parsed = parseExpression(src);
  if (parsed.ok) throw new Error(`should not parse: ${src}`);
  return parsed.error;
}

describe('expression parser', () => {
  it('accepts sin(x)+x^2/10 and evaluates it', () => {
    for (const x of [0, 1, 2.5, 6]) expect(value('sin(x)+x^2/10', x)).toBeCloseTo(Math.sin(x) + (x * x) / 10, 12);
  });

  it('follows the usual precedence: ^ right-associative, unary minus looser than ^', () => {
    expect(value('2^3^2', 0)).toBe(512);
    expect(value('-x^2', 3)).toBe(-9);
    expect(value('2^-1', 0)).toBe(0.5);
    expect(value('1-2-3', 0)).toBe(-4);
    expect(value('8/4/2', 0)).toBe(1);
    expect(value('2*(3+4)', 0)).toBe(14);
    expect(value('-2*3', 0)).toBe(-6);
  });

  it('knows constants and whitelisted functions, case-insensitively', () => {
    expect(value('pi', 0)).toBe(Math.PI);
    expect(value('e', 0)).toBe(Math.E);
    expect(value('COS(X)+1', 0)).toBe(2);
    expect(value('max(x, 1, 2)', 0)).toBe(2);
    expect(value('min(x,0)', -1)).toBe(-1);
    expect(value('abs(x - pi)', 0)).toBe(Math.PI);
    expect(value('tanh(x)+sqrt(x)+exp(0)+log(e)+floor(2.5)', 0)).toBe(4);
    expect(value('1e-2 * x', 100)).toBeCloseTo(1, 12);
  });

  it('rejects alert(1) as an unknown function with its position', () => {
    expect(errorOf('alert(1)')).toEqual({ code: 'unknownFunction', pos: 0, detail: 'alert' });
  });

  it('rejects constructor, __proto__ and other property names as unknown names', () => {
    expect(errorOf('constructor')).toMatchObject({ code: 'unknownName', detail: 'constructor' });
    expect(errorOf('x + __proto__')).toMatchObject({ code: 'unknownName', pos: 4 });
    expect(errorOf('toString(x)')).toMatchObject({ code: 'unknownFunction' });
    expect(errorOf('x.constructor')).toMatchObject({ code: 'badNumber' });
  });

  it('rejects malformed input with typed codes and positions', () => {
    expect(errorOf('')).toMatchObject({ code: 'empty' });
    expect(errorOf('   ')).toMatchObject({ code: 'empty' });
    expect(errorOf('x +')).toMatchObject({ code: 'unexpectedEnd', pos: 3 });
    expect(errorOf('(x')).toMatchObject({ code: 'unexpectedEnd' });
    expect(errorOf('x)')).toMatchObject({ code: 'unexpectedToken', pos: 1 });
    expect(errorOf('x; 1')).toMatchObject({ code: 'unexpectedChar', pos: 1, detail: ';' });
    expect(errorOf('<script>')).toMatchObject({ code: 'unexpectedChar', pos: 0 });
    expect(errorOf('sin(1, 2)')).toMatchObject({ code: 'wrongArity' });
    expect(errorOf('max()')).toMatchObject({ code: 'wrongArity' });
    expect(errorOf('2x')).toMatchObject({ code: 'badNumber' });
    expect(errorOf('1e999')).toMatchObject({ code: 'badNumber' });
    expect(errorOf('x'.repeat(201))).toMatchObject({ code: 'tooLong' });
    expect(errorOf('x+'.repeat(5000) + 'x')).toMatchObject({ code: 'tooLong' });
    expect(errorOf('٣')).toMatchObject({ code: 'unexpectedChar' });
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    expect(errorOf('('.repeat(90) + 'x' + ')'.repeat(90))).toMatchObject({ code: 'tooDeep' });
    expect(errorOf('-'.repeat(150) + 'x')).toMatchObject({ code: 'tooDeep' });
  });
});

describe('targets', () => {
  it('compiles every preset and cos is the seed target', () => {
    for (const id of TARGET_PRESET_IDS) {
      const r = compileTarget(id, grid);
      expect(r.ok).toBe(true);
      for (const x of grid) expect(Number.isFinite(TARGET_PRESETS[id].f(x))).toBe(true);
    }
    expect(TARGET_PRESETS.cos.f(0)).toBe(2);
    expect(TARGET_PRESETS.abs.f(Math.PI)).toBe(0);
  });

  it('compiles a custom expression to a canonical expr: spec', () => {
    const r = compileTarget('expr: sin(x)+x^2/10 ', grid);
    expect(r.ok && r.target.spec).toBe('expr:sin(x)+x^2/10');
    expect(r.ok && r.target.f(2)).toBeCloseTo(Math.sin(2) + 0.4, 12);
  });

  it('refuses expressions that are not finite or far too large on the training grid', () => {
    expect(compileTarget('expr:1/x', grid)).toMatchObject({ ok: false, error: { code: 'nonFinite', detail: '0' } });
    expect(compileTarget('expr:log(x)', grid)).toMatchObject({ ok: false, error: { code: 'nonFinite' } });
    expect(compileTarget('expr:sqrt(x-1)', grid)).toMatchObject({ ok: false, error: { code: 'nonFinite' } });
    expect(compileTarget('expr:exp(x^3)', grid)).toMatchObject({ ok: false });
    expect(compileTarget('expr:alert(1)', grid)).toMatchObject({ ok: false, error: { code: 'unknownFunction' } });
  });
});
