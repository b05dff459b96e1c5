/**
 * Code that reproduces a Fit Lab configuration outside the page: a Keras (Python) script and a TensorFlow.js
 * one. Both start from this page's initial weights for the seed, so the same starting point is used; the
 * shuffle order of their own libraries differs from the page's, so the runs agree in kind, not to the digit.
 */
import { parseExpression, type Expr } from '../../lib/expression';
import { initialParams } from '../../lib/random';
import { EXPR_PREFIX, isTargetPresetId, type TargetPresetId } from '../../lib/targets';
import type { FitLabSettings } from '../../lib/settings';

const NUMPY_PRESETS: Record<TargetPresetId, string> = {
  cos: 'np.cos(x) + 1',
  sin: 'np.sin(x)',
  abs: 'np.abs(x - np.pi)',
  step: '(x >= np.pi).astype("float32")',
  square: 'x**2 / 10',
  saw: 'x / np.pi - np.floor(x / np.pi)',
};
const JS_PRESETS: Record<TargetPresetId, string> = {
  cos: 'Math.cos(x) + 1',
  sin: 'Math.sin(x)',
  abs: 'Math.abs(x - Math.PI)',
  step: '(x >= Math.PI ? 1 : 0)',
  square: 'x ** 2 / 10',
  saw: 'x / Math.PI - Math.floor(x / Math.PI)',
};

const NUMPY_FN: Record<string, string> = { ln: 'np.log', asin: 'np.arcsin', acos: 'np.arccos', atan: 'np.arctan', min: 'np.minimum', max: 'np.maximum', mod: 'np.mod' };
const JS_FN: Record<string, string> = { ln: 'Math.log', step: '((v) => (v >= 0 ? 1 : 0))', mod: '((a, b) => a - b * Math.floor(a / b))' };

function printExpr(e: Expr, lang: 'py' | 'js'): string {
  switch (e.kind) {
    case 'num':
      return e.value === Math.PI ? (lang === 'py' ? 'np.pi' : 'Math.PI') : e.value === Math.E ? (lang === 'py' ? 'np.e' : 'Math.E') : String(e.value);
    case 'x':
      return 'x';
    case 'neg':
      return `(-${printExpr(e.arg, lang)})`;
    case 'bin':
      return `(${printExpr(e.left, lang)} ${e.op === '^' ? '**' : e.op} ${printExpr(e.right, lang)})`;
    case 'call': {
      const args = e.args.map((a) => printExpr(a, lang));
      if (lang === 'py') {
        if (e.fn === 'step') return `np.heaviside(${args[0]}, 1.0)`;
        const fn = NUMPY_FN[e.fn] ?? `np.${e.fn}`;
        // np.minimum/np.maximum take two arguments: fold the rest.
        if (e.fn === 'min' || e.fn === 'max') return args.reduce((acc, a) => `${fn}(${acc}, ${a})`);
        return `${fn}(${args.join(', ')})`;
      }
      return `${JS_FN[e.fn] ?? `Math.${e.fn}`}(${args.join(', ')})`;
    }
  }
}

function targetCode(spec: string, lang: 'py' | 'js'): string {
  if (isTargetPresetId(spec)) return (lang === 'py' ? NUMPY_PRESETS : JS_PRESETS)[spec];
  const parsed = parseExpression(spec.slice(EXPR_PREFIX.length));
  return parsed.ok ? printExpr(parsed.expr, lang) : (lang === 'py' ? NUMPY_PRESETS : JS_PRESETS).cos;
}

const list = (values: readonly number[]) => values.map((v) => String(Math.fround(v))).join(', ');

function kerasActivation(s: FitLabSettings): { dense: string; extra: string } {
  const alpha = s.activationParams.alpha;
  const beta = s.activationParams.beta;
  if (s.activation === 'leaky_relu') return { dense: '', extra: `\n    keras.layers.LeakyReLU(negative_slope=${alpha ?? 0.2}),` };
  if (s.activation === 'swish' && beta !== undefined && beta !== 1) return { dense: `, activation=lambda z: z * keras.ops.sigmoid(${beta} * z)`, extra: '' };
  return { dense: `, activation="${s.activation === 'swish' ? 'silu' : s.activation}"`, extra: '' };
}

export function kerasSnippet(s: FitLabSettings): string {
  const p = initialParams(s.seed, s.hidden);
  const act = kerasActivation(s);
  return `import numpy as np
import keras

x = np.linspace(0, 2 * np.pi, 100, dtype="float32").reshape(-1, 1)
y = ${targetCode(s.target, 'py')}

model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(${s.hidden}${act.dense}),${act.extra}
    keras.layers.Dense(1, activation="linear"),
])
# The page's initial weights for seed ${s.seed} (glorot-uniform kernels, zero biases).
model.layers[0].set_weights([np.array([[${list(p.w1)}]]), np.zeros(${s.hidden})])
model.layers[-1].set_weights([np.array([[${list(p.w2)}]]).T, np.zeros(1)])
model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=${s.lr}, epsilon=1e-7))
model.fit(x, y, epochs=${s.epochs}, batch_size=${s.batch}, shuffle=True, verbose=0)

w1, b1 = model.layers[0].get_weights()
w2, b2 = model.layers[-1].get_weights()
print("final MSE:", float(np.mean((model.predict(x, verbose=0) - y) ** 2)))
`;
}

export function tfjsSnippet(s: FitLabSettings): string {
  const p = initialParams(s.seed, s.hidden);
  const leaky = s.activation === 'leaky_relu';
  const activation = leaky ? 'linear' : s.activation;
  return `import * as tf from '@tensorflow/tfjs';

const xValues = Array.from({ length: 100 }, (_, i) => (i * 2 * Math.PI) / 99);
const yValues = xValues.map((x) => ${targetCode(s.target, 'js')});
const xs = tf.tensor2d(xValues, [100, 1]);
const ys = tf.tensor2d(yValues, [100, 1]);

const model = tf.sequential();
model.add(tf.layers.dense({ units: ${s.hidden}, inputShape: [1], activation: '${activation}' }));${leaky ? `\nmodel.add(tf.layers.leakyReLU({ alpha: ${s.activationParams.alpha ?? 0.2} }));` : ''}
model.add(tf.layers.dense({ units: 1 }));
// The page's initial weights for seed ${s.seed}; Keras' Adam epsilon (tfjs defaults differ).
model.layers[0].setWeights([tf.tensor2d([[${list(p.w1)}]]), tf.zeros([${s.hidden}])]);
model.layers[model.layers.length - 1].setWeights([tf.tensor2d([${list(p.w2)}], [${s.hidden}, 1]), tf.zeros([1])]);
model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(${s.lr}, 0.9, 0.999, 1e-7) });
await model.fit(xs, ys, { epochs: ${s.epochs}, batchSize: ${s.batch}, shuffle: true, verbose: 0 });
`;
}
