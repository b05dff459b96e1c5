/**
 * A small, safe expression language for custom target functions of one variable x.
 *
 * Hand-written tokenizer + Pratt parser → a plain AST → a tree-walking evaluator. Identifiers are looked up in
 * fixed whitelists held in `Map`s (never in objects), so names like `constructor` or `__proto__` are simply
 * unknown. Nothing here calls `eval` or `Function`. Errors are typed codes with a character position; the UI
 * turns them into localized sentences.
 */

export const MAX_EXPRESSION_LENGTH = 200;
/** Deeply nested input could overflow the stack of a recursive parser; real formulas never come close. */
const MAX_DEPTH = 40;

export type ExpressionErrorCode =
  | 'empty'
  | 'tooLong'
  | 'unexpectedChar'
  | 'badNumber'
  | 'unexpectedToken'
  | 'unexpectedEnd'
  | 'unknownName'
  | 'unknownFunction'
  | 'wrongArity'
  | 'tooDeep'
  | 'nonFinite'
  | 'tooLarge';

export interface ExpressionError {
  code: ExpressionErrorCode;
  /** 0-based character index where the problem was found (for 'nonFinite': −1). */
  pos: number;
  /** The offending text (a name, a character) or, for 'nonFinite'/'tooLarge', the x value. */
  detail?: string;
}

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'x' }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'call'; fn: string; args: Expr[] };

type Fn = { arity: number | 'variadic'; apply: (args: number[]) => number };

const FUNCTIONS: ReadonlyMap<string, Fn> = new Map<string, Fn>([
  ['sin', { arity: 1, apply: (a) => Math.sin(a[0]!) }],
  ['cos', { arity: 1, apply: (a) => Math.cos(a[0]!) }],
  ['tan', { arity: 1, apply: (a) => Math.tan(a[0]!) }],
  ['asin', { arity: 1, apply: (a) => Math.asin(a[0]!) }],
  ['acos', { arity: 1, apply: (a) => Math.acos(a[0]!) }],
  ['atan', { arity: 1, apply: (a) => Math.atan(a[0]!) }],
  ['sinh', { arity: 1, apply: (a) => Math.sinh(a[0]!) }],
  ['cosh', { arity: 1, apply: (a) => Math.cosh(a[0]!) }],
  ['tanh', { arity: 1, apply: (a) => Math.tanh(a[0]!) }],
  ['exp', { arity: 1, apply: (a) => Math.exp(a[0]!) }],
  ['log', { arity: 1, apply: (a) => Math.log(a[0]!) }],
  ['ln', { arity: 1, apply: (a) => Math.log(a[0]!) }],
  ['log10', { arity: 1, apply: (a) => Math.log10(a[0]!) }],
  ['log2', { arity: 1, apply: (a) => Math.log2(a[0]!) }],
  ['sqrt', { arity: 1, apply: (a) => Math.sqrt(a[0]!) }],
  ['abs', { arity: 1, apply: (a) => Math.abs(a[0]!) }],
  ['sign', { arity: 1, apply: (a) => Math.sign(a[0]!) }],
  ['floor', { arity: 1, apply: (a) => Math.floor(a[0]!) }],
  ['ceil', { arity: 1, apply: (a) => Math.ceil(a[0]!) }],
  ['round', { arity: 1, apply: (a) => Math.round(a[0]!) }],
  ['step', { arity: 1, apply: (a) => (a[0]! >= 0 ? 1 : 0) }],
  ['min', { arity: 'variadic', apply: (a) => Math.min(...a) }],
  ['max', { arity: 'variadic', apply: (a) => Math.max(...a) }],
  ['mod', { arity: 2, apply: (a) => a[0]! - a[1]! * Math.floor(a[0]! / a[1]!) }],
]);

const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['π', Math.PI],
  ['e', Math.E],
  ['tau', 2 * Math.PI],
]);

export const EXPRESSION_FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];

type Token =
  | { type: 'num'; value: number; pos: number }
  | { type: 'name'; name: string; pos: number }
  | { type: 'op'; op: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; pos: number }
  | { type: 'end'; pos: number };

class ParseError extends Error {
  constructor(readonly info: ExpressionError) {
    super(info.code);
  }
}

const fail = (code: ExpressionErrorCode, pos: number, detail?: string): never => {
  throw new ParseError(detail === undefined ? { code, pos } : { code, pos, detail });
};

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if ((ch >= '0' && ch <= '9') || ch === '.') {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) fail('badNumber', i, ch);
      const text = m![0];
      const value = Number(text);
      if (!Number.isFinite(value)) fail('badNumber', i, text);
      // A name glued to a number (`2x`) is almost always a typo for `2*x`; say so rather than guess.
      const next = src[i + text.length];
      if (next !== undefined && /[A-Za-z_.0-9]/.test(next)) fail('badNumber', i, text + next);
      tokens.push({ type: 'num', value, pos: i });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_π]/.test(ch)) {
      const m = /^[A-Za-z_π][A-Za-z0-9_]*/.exec(src.slice(i))!;
      tokens.push({ type: 'name', name: m[0].toLowerCase(), pos: i });
      i += m[0].length;
      continue;
    }
    const op = ch === '−' ? '-' : ch === '×' || ch === '·' ? '*' : ch === '÷' ? '/' : ch;
    if ('+-*/^(),'.includes(op)) {
      tokens.push({ type: 'op', op: op as '+', pos: i });
      i++;
      continue;
    }
    fail('unexpectedChar', i, ch);
  }
  tokens.push({ type: 'end', pos: src.length });
  return tokens;
}

const BINDING: Record<string, number> = { '+': 10, '-': 10, '*': 20, '/': 20, '^': 40 };
const PREFIX_BINDING = 30; // unary minus binds looser than ^ (so -x^2 = -(x^2)), tighter than * and /

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    return this.tokens[this.index++]!;
  }
  private expectOp(op: ')' | '('): void {
    const t = this.next();
    if (t.type === 'op' && t.op === op) return;
    if (t.type === 'end') fail('unexpectedEnd', t.pos);
    fail('unexpectedToken', t.pos, tokenText(t));
  }

  parseAll(): Expr {
    const expr = this.parse(0);
    const t = this.peek();
    if (t.type !== 'end') fail('unexpectedToken', t.pos, tokenText(t));
    return expr;
  }

  private parse(minBinding: number): Expr {
    if (++this.depth > MAX_DEPTH) fail('tooDeep', this.peek().pos);
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !(t.op in BINDING)) break;
      const binding = BINDING[t.op]!;
      if (binding <= minBinding) break;
      this.next();
      // `^` is right-associative: parse its right side at a slightly lower binding power.
      const right = this.parse(t.op === '^' ? binding - 1 : binding);
      left = { kind: 'bin', op: t.op as '+', left, right };
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const t = this.next();
    if (t.type === 'num') return { kind: 'num', value: t.value };
    if (t.type === 'end') return fail('unexpectedEnd', t.pos);
    if (t.type === 'op') {
      if (t.op === '-') return { kind: 'neg', arg: this.parse(PREFIX_BINDING) };
      if (t.op === '+') return this.parse(PREFIX_BINDING);
      if (t.op === '(') {
        const inner = this.parse(0);
        this.expectOp(')');
        return inner;
      }
      return fail('unexpectedToken', t.pos, t.op);
    }
    // A name: x, a constant, or a function call.
    const after = this.peek();
    if (after.type === 'op' && after.op === '(') {
      const fn = FUNCTIONS.get(t.name);
      if (!fn) return fail('unknownFunction', t.pos, t.name);
      this.next();
      const args: Expr[] = [];
      const close = this.peek();
      if (!(close.type === 'op' && close.op === ')')) {
        for (;;) {
          args.push(this.parse(0));
          const sep = this.peek();
          if (sep.type === 'op' && sep.op === ',') {
            this.next();
            continue;
          }
          break;
        }
      }
      this.expectOp(')');
      const ok = fn.arity === 'variadic' ? args.length >= 1 : args.length === fn.arity;
      if (!ok) fail('wrongArity', t.pos, t.name);
      return { kind: 'call', fn: t.name, args };
    }
    if (t.name === 'x') return { kind: 'x' };
    const constant = CONSTANTS.get(t.name);
    if (constant !== undefined) return { kind: 'num', value: constant };
    return fail('unknownName', t.pos, t.name);
  }
}

function tokenText(t: Token): string {
  return t.type === 'num' ? String(t.value) : t.type === 'name' ? t.name : t.type === 'op' ? t.op : '';
}

/** Parse an expression in x. Never throws; bad input gives a typed error. */
export function parseExpression(source: string): { ok: true; expr: Expr } | { ok: false; error: ExpressionError } {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: { code: 'tooLong', pos: MAX_EXPRESSION_LENGTH, detail: String(MAX_EXPRESSION_LENGTH) } };
  }
  if (source.trim() === '') return { ok: false, error: { code: 'empty', pos: 0 } };
  try {
    return { ok: true, expr: new Parser(tokenize(source)).parseAll() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.info };
    // A RangeError from an unexpectedly deep stack is still the reader's input, not our bug.
    return { ok: false, error: { code: 'tooDeep', pos: 0 } };
  }
}

/** Evaluate an AST at x. Plain arithmetic; may return NaN or ±Infinity (callers check). */
export function evaluate(expr: Expr, x: number): number {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'x':
      return x;
    case 'neg':
      return -evaluate(expr.arg, x);
    case 'bin': {
      const a = evaluate(expr.left, x);
      const b = evaluate(expr.right, x);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return Math.pow(a, b);
      }
      return NaN;
    }
    case 'call': {
      const fn = FUNCTIONS.get(expr.fn);
      return fn ? fn.apply(expr.args.map((arg) => evaluate(arg, x))) : NaN;
    }
  }
}

/** Print an AST back as a canonical string (used to normalise what goes into the URL). */
export function formatExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return String(expr.value);
    case 'x':
      return 'x';
    case 'neg':
      return `-(${formatExpression(expr.arg)})`;
    case 'bin':
      return `(${formatExpression(expr.left)}${expr.op}${formatExpression(expr.right)})`;
    case 'call':
      return `${expr.fn}(${expr.args.map(formatExpression).join(',')})`;
  }
}
