/**
 * The registry: the one definition of every activation, shared by the prose (TeX, facts), the plots (f, f′),
 * the training engine (tensor ops) and the tests. Tensor ops take the tfjs-core namespace as an argument, so this
 * module never imports tfjs at run time and the gallery island ships none.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import {
  HIDDEN_ACTIVATION_IDS,
  type ActivationFacts,
  type ActivationId,
  type ActivationParamSpec,
  type ActivationParams,
  type HiddenActivationId,
  type LocalizedText,
  type ScalarActivation,
  type TfCore,
} from './types';
import { normalCdf, normalPdf, sigmoid, softplus } from './special-functions';

export { HIDDEN_ACTIVATION_IDS };
export type { ActivationId, HiddenActivationId, ScalarActivation };

/** Keras 3's `leaky_relu` default (tf.keras 2's LeakyReLU layer used 0.3). */
export const LEAKY_RELU_DEFAULT_ALPHA = 0.2;
export const SWISH_DEFAULT_BETA = 1;

const ALPHA_SPEC: ActivationParamSpec = {
  name: 'alpha',
  tex: '\\alpha',
  default: LEAKY_RELU_DEFAULT_ALPHA,
  min: 0,
  max: 1,
  step: 0.01,
};
const BETA_SPEC: ActivationParamSpec = {
  name: 'beta',
  tex: '\\beta',
  default: SWISH_DEFAULT_BETA,
  min: 0.1,
  max: 5,
  step: 0.05,
};

/** A parameter's value: the given one if finite, else the default. */
export function paramValue(spec: ActivationParamSpec, params?: ActivationParams): number {
  const v = params?.[spec.name];
  return typeof v === 'number' && Number.isFinite(v) ? v : spec.default;
}

const alphaOf = (p?: ActivationParams) => paramValue(ALPHA_SPEC, p);
const betaOf = (p?: ActivationParams) => paramValue(BETA_SPEC, p);

const facts = (
  f: Omit<ActivationFacts, 'bounded' | 'zeroGradient' | 'continuous'> &
    Partial<Pick<ActivationFacts, 'bounded' | 'zeroGradient' | 'continuous'>>,
): ActivationFacts => ({
  ...f,
  bounded: f.bounded ?? (Number.isFinite(f.range[0]) && Number.isFinite(f.range[1])),
  zeroGradient: f.zeroGradient ?? false,
  continuous: f.continuous ?? true,
});

const INF = Infinity;

const linear: ScalarActivation = {
  id: 'linear',
  shortName: 'linear',
  name: { en: 'Linear (identity)', 'zh-cn': '线性（恒等）' },
  summary: {
    en: 'Passes its input through unchanged, so a network built only from it can never bend.',
    'zh-cn': '原样输出输入；只用它的网络无论多深都只能表示直线。',
  },
  tex: { f: 'f(x) = x', fPrime: "f'(x) = 1" },
  params: [],
  facts: facts({
    range: [-INF, INF],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    saturating: false,
    saturatesOn: 'none',
    canDie: false,
    kinks: [],
  }),
  f: (x) => x,
  fPrime: () => 1,
  // A copy, so that callers may dispose the result without disposing their input.
  tensor: (tf, x) => tf.clone(x),
  tensorPrime: (tf, x) => tf.onesLike(x),
};

const sigmoidEntry: ScalarActivation = {
  id: 'sigmoid',
  shortName: 'sigmoid',
  name: { en: 'Sigmoid (logistic)', 'zh-cn': 'Sigmoid（逻辑函数）' },
  summary: {
    en: 'Squashes any input into (0, 1); far from zero its slope all but vanishes.',
    'zh-cn': '把任意输入压到 (0, 1) 之间；远离零点时斜率几乎为零。',
  },
  tex: { f: 'f(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}', fPrime: "f'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)" },
  params: [],
  facts: facts({
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    kinks: [],
  }),
  f: (x) => sigmoid(x),
  fPrime: (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  tensor: (tf, x) => tf.sigmoid(x),
  tensorPrime: (tf, x) =>
    tf.tidy(() => {
      const s = tf.sigmoid(x);
      return tf.mul(s, tf.sub(1, s));
    }),
};

const tanhEntry: ScalarActivation = {
  id: 'tanh',
  shortName: 'tanh',
  name: { en: 'Hyperbolic tangent (tanh)', 'zh-cn': '双曲正切（tanh）' },
  summary: {
    en: 'A sigmoid stretched to (−1, 1) and centred on zero; it saturates on both sides.',
    'zh-cn': '拉伸到 (−1, 1) 并以零为中心的 S 形曲线；两侧都会饱和。',
  },
  tex: { f: 'f(x) = \\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}', fPrime: "f'(x) = 1 - \\tanh^2 x" },
  params: [],
  facts: facts({
    range: [-1, 1],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    kinks: [],
  }),
  f: (x) => Math.tanh(x),
  fPrime: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  tensor: (tf, x) => tf.tanh(x),
  tensorPrime: (tf, x) => tf.tidy(() => tf.sub(1, tf.square(tf.tanh(x)))),
};

const relu: ScalarActivation = {
  id: 'relu',
  shortName: 'ReLU',
  name: { en: 'ReLU (rectified linear unit)', 'zh-cn': 'ReLU（线性整流单元）' },
  summary: {
    en: 'Zero for negative inputs, the input itself otherwise: one hinge. We take f′(0) = 0, as TensorFlow’s gradient does.',
    'zh-cn': '输入为负时输出零，否则原样输出：一个折点。我们取 f′(0) = 0，与 TensorFlow 的梯度一致。',
  },
  tex: { f: 'f(x) = \\max(0, x)', fPrime: "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}" },
  params: [],
  facts: facts({
    rangeAttained: [true, false],
    range: [0, INF],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    saturating: true,
    saturatesOn: 'negative',
    canDie: true,
    kinks: [0],
  }),
  f: (x) => (x > 0 ? x : 0),
  // Defined as 0 at the kink (TensorFlow's ReluGrad uses x > 0).
  fPrime: (x) => (x > 0 ? 1 : 0),
  tensor: (tf, x) => tf.relu(x),
  // tf.step(x, a) is 1 where x > 0 and a elsewhere.
  tensorPrime: (tf, x) => tf.step(x, 0),
};

const leakyRelu: ScalarActivation = {
  id: 'leaky_relu',
  shortName: 'leaky ReLU',
  name: { en: 'Leaky ReLU', 'zh-cn': 'Leaky ReLU（带泄漏的 ReLU）' },
  summary: {
    en: 'A ReLU whose negative side keeps a small slope α, so its gradient never dies. We take f′(0) = α, as TensorFlow does.',
    'zh-cn': '负半轴保留一个小斜率 α 的 ReLU，因此梯度永远不会消失。我们取 f′(0) = α，与 TensorFlow 一致。',
  },
  tex: {
    f: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    fPrime: "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}",
  },
  params: [ALPHA_SPEC],
  facts: facts({
    range: [-INF, INF],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    saturating: false,
    saturatesOn: 'none',
    canDie: false,
    kinks: [0],
  }),
  f: (x, p) => (x > 0 ? x : alphaOf(p) * x),
  fPrime: (x, p) => (x > 0 ? 1 : alphaOf(p)),
  tensor: (tf, x, p) => tf.leakyRelu(x, alphaOf(p)),
  tensorPrime: (tf, x, p) => tf.step(x, alphaOf(p)),
};

const swish: ScalarActivation = {
  id: 'swish',
  shortName: 'swish',
  name: { en: 'Swish (SiLU when β = 1)', 'zh-cn': 'Swish（β = 1 时即 SiLU）' },
  summary: {
    en: 'The input times its own sigmoid gate: a smooth ReLU with a small dip below zero; larger β makes it sharper.',
    'zh-cn': '输入乘以自身的 sigmoid 门控：一条在零下略有凹陷的平滑 ReLU；β 越大越接近 ReLU。',
  },
  tex: {
    f: 'f(x) = x\\,\\sigma(\\beta x)',
    fPrime: "f'(x) = \\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)\\bigl(1 - \\sigma(\\beta x)\\bigr)",
  },
  params: [BETA_SPEC],
  // Minimum −0.2785/β at x ≈ −1.2785/β (for β = 1).
  facts: facts({
    rangeAttained: [true, false],
    range: [-0.2784645, INF],
    zeroCentred: false,
    monotonic: false,
    smooth: true,
    saturating: true,
    saturatesOn: 'negative',
    canDie: false,
    kinks: [],
  }),
  f: (x, p) => x * sigmoid(betaOf(p) * x),
  fPrime: (x, p) => {
    const b = betaOf(p);
    const s = sigmoid(b * x);
    return s + b * x * s * (1 - s);
  },
  tensor: (tf, x, p) => tf.tidy(() => tf.mul(x, tf.sigmoid(tf.mul(x, betaOf(p))))),
  tensorPrime: (tf, x, p) =>
    tf.tidy(() => {
      const b = betaOf(p);
      const s = tf.sigmoid(tf.mul(x, b));
      return tf.add(s, tf.mul(tf.mul(tf.mul(x, b), s), tf.sub(1, s)));
    }),
};

const elu: ScalarActivation = {
  id: 'elu',
  shortName: 'ELU',
  name: { en: 'ELU (exponential linear unit, α = 1)', 'zh-cn': 'ELU（指数线性单元，α = 1）' },
  summary: {
    en: 'Linear for positive inputs, an exponential that levels off at −1 for negative ones; with α = 1 its slope is continuous.',
    'zh-cn': '正半轴是直线，负半轴是趋于 −1 的指数曲线；α = 1 时斜率处处连续。',
  },
  tex: {
    f: 'f(x) = \\begin{cases} x & x > 0 \\\\ e^{x} - 1 & x \\le 0 \\end{cases}',
    fPrime: "f'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x} & x \\le 0 \\end{cases}",
  },
  params: [],
  facts: facts({
    range: [-1, INF],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'negative',
    canDie: false,
    kinks: [],
  }),
  f: (x) => (x > 0 ? x : Math.expm1(x)),
  fPrime: (x) => (x > 0 ? 1 : Math.exp(x)),
  tensor: (tf, x) => tf.elu(x),
  // exp(min(x, 0)) is 1 for x > 0 and eˣ otherwise, without ever exponentiating a large number.
  tensorPrime: (tf, x) => tf.tidy(() => tf.exp(tf.minimum(x, 0))),
};

const gelu: ScalarActivation = {
  id: 'gelu',
  shortName: 'GELU',
  name: { en: 'GELU (exact, erf form)', 'zh-cn': 'GELU（精确的 erf 形式）' },
  summary: {
    en: 'The input weighted by the probability that a standard normal variable is below it; we use the exact erf form, not the tanh approximation.',
    'zh-cn': '用“标准正态变量小于输入”的概率给输入加权；这里用精确的 erf 形式，而不是 tanh 近似。',
  },
  tex: {
    f: 'f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\frac{x}{\\sqrt{2}}\\right)',
    fPrime: "f'(x) = \\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}",
  },
  params: [],
  // Minimum ≈ −0.16997 at x ≈ −0.7518.
  facts: facts({
    rangeAttained: [true, false],
    range: [-0.1699712, INF],
    zeroCentred: false,
    monotonic: false,
    smooth: true,
    saturating: true,
    saturatesOn: 'negative',
    canDie: false,
    kinks: [],
  }),
  f: (x) => x * normalCdf(x),
  fPrime: (x) => normalCdf(x) + x * normalPdf(x),
  tensor: (tf, x) => tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))))),
  tensorPrime: (tf, x) =>
    tf.tidy(() => {
      const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
      const pdf = tf.mul(tf.exp(tf.mul(tf.square(x), -0.5)), 1 / Math.sqrt(2 * Math.PI));
      return tf.add(cdf, tf.mul(x, pdf));
    }),
};

const softplusEntry: ScalarActivation = {
  id: 'softplus',
  shortName: 'softplus',
  name: { en: 'Softplus', 'zh-cn': 'Softplus' },
  summary: {
    en: 'A smooth ReLU that is always positive; its slope is exactly the sigmoid.',
    'zh-cn': '处处为正的平滑 ReLU；它的斜率恰好就是 sigmoid。',
  },
  tex: { f: 'f(x) = \\ln\\left(1 + e^{x}\\right)', fPrime: "f'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}" },
  params: [],
  facts: facts({
    range: [0, INF],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'negative',
    canDie: false,
    kinks: [],
  }),
  f: (x) => softplus(x),
  fPrime: (x) => sigmoid(x),
  // Written out in the stable form rather than tf.softplus, whose float32 thresholds differ between backends.
  tensor: (tf, x) => tf.tidy(() => tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))))),
  tensorPrime: (tf, x) => tf.sigmoid(x),
};

const mish: ScalarActivation = {
  id: 'mish',
  shortName: 'mish',
  name: { en: 'Mish', 'zh-cn': 'Mish' },
  summary: {
    en: 'x · tanh(softplus(x)): close to Swish, smooth everywhere, with a slightly deeper dip below zero.',
    'zh-cn': 'x · tanh(softplus(x))：与 Swish 很像，处处平滑，零下的凹陷略深。',
  },
  tex: {
    f: 'f(x) = x \\tanh\\bigl(\\operatorname{softplus}(x)\\bigr)',
    fPrime:
      "f'(x) = \\tanh\\bigl(\\operatorname{softplus}(x)\\bigr) + x\\,\\sigma(x)\\,\\operatorname{sech}^2\\bigl(\\operatorname{softplus}(x)\\bigr)",
  },
  params: [],
  // Minimum ≈ −0.308843 at x ≈ −1.1924.
  facts: facts({
    rangeAttained: [true, false],
    range: [-0.3088434, INF],
    zeroCentred: false,
    monotonic: false,
    smooth: true,
    saturating: true,
    saturatesOn: 'negative',
    canDie: false,
    kinks: [],
  }),
  f: (x) => x * Math.tanh(softplus(x)),
  fPrime: (x) => {
    const t = Math.tanh(softplus(x));
    return t + x * sigmoid(x) * (1 - t * t);
  },
  tensor: (tf, x) => tf.tidy(() => tf.mul(x, tf.tanh(softplusTensor(tf, x)))),
  tensorPrime: (tf, x) =>
    tf.tidy(() => {
      const t = tf.tanh(softplusTensor(tf, x));
      return tf.add(t, tf.mul(tf.mul(x, tf.sigmoid(x)), tf.sub(1, tf.square(t))));
    }),
};

function softplusTensor(tf: TfCore, x: tfc.Tensor): tfc.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

const step: ScalarActivation = {
  id: 'step',
  shortName: 'step',
  name: { en: 'Step (Heaviside)', 'zh-cn': '阶跃函数（Heaviside）' },
  summary: {
    en: 'Jumps from 0 to 1 at zero and is flat everywhere else, so its slope is 0 and the weights before it never learn.',
    'zh-cn': '在零点从 0 跳到 1，其余各处都是平的；斜率处处为 0，它之前的权重永远学不动。',
  },
  tex: {
    f: 'f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    fPrime: "f'(x) = 0 \\quad (x \\ne 0)",
  },
  params: [],
  facts: facts({
    rangeAttained: [true, true],
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    zeroGradient: true,
    continuous: false,
    kinks: [0],
  }),
  f: (x) => (x > 0 ? 1 : 0),
  // At the jump itself there is no derivative; 0 there too, as TensorFlow's gradient of a step (sign, cast) is.
  fPrime: () => 0,
  tensor: (tf, x) => tf.step(x, 0),
  tensorPrime: (tf, x) => tf.zerosLike(x),
};

const gaussian: ScalarActivation = {
  id: 'gaussian',
  shortName: 'Gaussian',
  name: { en: 'Gaussian (bell curve)', 'zh-cn': '高斯函数（钟形曲线）' },
  summary: {
    en: 'A bump: 1 at zero, falling off towards 0 on both sides. One such neuron can draw a hill or a valley.',
    'zh-cn': '一个鼓包：零点处为 1，向两侧衰减到 0。单个这样的神经元就能画出一座山或一道谷。',
  },
  tex: { f: 'f(x) = e^{-x^2}', fPrime: "f'(x) = -2x\\,e^{-x^2}" },
  params: [],
  facts: facts({
    rangeAttained: [false, true],
    range: [0, 1],
    zeroCentred: false,
    monotonic: false,
    smooth: true,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    kinks: [],
  }),
  f: (x) => Math.exp(-x * x),
  fPrime: (x) => -2 * x * Math.exp(-x * x),
  tensor: (tf, x) => tf.tidy(() => tf.exp(tf.neg(tf.square(x)))),
  tensorPrime: (tf, x) => tf.tidy(() => tf.mul(tf.mul(x, -2), tf.exp(tf.neg(tf.square(x))))),
};

const sine: ScalarActivation = {
  id: 'sine',
  shortName: 'sine',
  name: { en: 'Sine', 'zh-cn': '正弦函数（sin）' },
  summary: {
    en: 'A wave that repeats every 2π: one neuron is a whole family of hills and valleys, and its slope never fades.',
    'zh-cn': '每隔 2π 重复一次的波：单个神经元就是一连串山峰和山谷，斜率也从不消失。',
  },
  tex: { f: 'f(x) = \\sin x', fPrime: "f'(x) = \\cos x" },
  params: [],
  facts: facts({
    rangeAttained: [true, true],
    range: [-1, 1],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    saturating: false,
    saturatesOn: 'none',
    canDie: false,
    kinks: [],
  }),
  f: (x) => Math.sin(x),
  fPrime: (x) => Math.cos(x),
  tensor: (tf, x) => tf.sin(x),
  tensorPrime: (tf, x) => tf.cos(x),
};

const softsign: ScalarActivation = {
  id: 'softsign',
  shortName: 'softsign',
  name: { en: 'Softsign', 'zh-cn': 'Softsign' },
  summary: {
    en: 'Shaped like tanh but approaching ±1 far more slowly, so its slope fades gradually rather than exponentially.',
    'zh-cn': '形状像 tanh，但趋近 ±1 要慢得多：斜率按多项式而不是指数衰减。',
  },
  tex: { f: 'f(x) = \\frac{x}{1 + |x|}', fPrime: "f'(x) = \\frac{1}{(1 + |x|)^2}" },
  params: [],
  facts: facts({
    range: [-1, 1],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    kinks: [],
  }),
  f: (x) => x / (1 + Math.abs(x)),
  fPrime: (x) => 1 / (1 + Math.abs(x)) ** 2,
  tensor: (tf, x) => tf.tidy(() => tf.div(x, tf.add(tf.abs(x), 1))),
  tensorPrime: (tf, x) => tf.tidy(() => tf.div(1, tf.square(tf.add(tf.abs(x), 1)))),
};

/** Keras' PReLU starts every slope at 0 (alpha_initializer='zeros'): at step 0 it is exactly a ReLU. */
export const PRELU_INITIAL_ALPHA = 0;
/** A neuron's learned slope, passed as params.alpha (the network's NetworkParams.alpha[i]); 0 before any training. */
const slopeOf = (p?: ActivationParams) =>
  typeof p?.alpha === 'number' && Number.isFinite(p.alpha) ? p.alpha : PRELU_INITIAL_ALPHA;

const prelu: ScalarActivation = {
  id: 'prelu',
  shortName: 'PReLU',
  name: { en: 'PReLU (parametric ReLU, α learned)', 'zh-cn': 'PReLU（参数化 ReLU，α 可学习）' },
  summary: {
    en: 'A leaky ReLU whose negative-side slope α is learned, one per neuron, starting at 0 (a plain ReLU) as in Keras.',
    'zh-cn': '负半轴斜率 α 由训练学出的 Leaky ReLU，每个神经元一个；与 Keras 一样从 0 开始，也就是从普通 ReLU 出发。',
  },
  tex: {
    f: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha_i x & x \\le 0 \\end{cases}',
    fPrime:
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha_i & x \\le 0 \\end{cases}, \\quad \\frac{\\partial f}{\\partial \\alpha_i} = \\min(0, x)",
  },
  // α is learned, not set: no parameter for the reader to choose.
  params: [],
  // α is learned and unconstrained (as in Keras): monotone only while α ≥ 0; α < 0 makes a V.
  facts: facts({
    range: [-INF, INF],
    zeroCentred: false,
    monotonic: false,
    smooth: false,
    saturating: false,
    saturatesOn: 'none',
    canDie: false,
    kinks: [0],
  }),
  f: (x, p) => (x > 0 ? x : slopeOf(p) * x),
  fPrime: (x, p) => (x > 0 ? 1 : slopeOf(p)),
  // One scalar α here; the engine trains a tensor of them (program.ts) in the same form.
  tensor: (tf, x, p) => tf.tidy(() => tf.add(tf.relu(x), tf.mul(tf.minimum(x, 0), slopeOf(p)))),
  tensorPrime: (tf, x, p) => tf.step(x, slopeOf(p)),
};

export const ACTIVATIONS: Readonly<Record<HiddenActivationId, ScalarActivation>> = {
  linear,
  sigmoid: sigmoidEntry,
  tanh: tanhEntry,
  relu,
  leaky_relu: leakyRelu,
  swish,
  elu,
  gelu,
  softplus: softplusEntry,
  mish,
  step,
  gaussian,
  sine,
  softsign,
  prelu,
};

export function getActivation(id: HiddenActivationId): ScalarActivation {
  return ACTIVATIONS[id];
}

export function shortNameOf(id: ActivationId): string {
  return id === 'softmax' ? 'softmax' : (ACTIVATIONS[id].shortName ?? id);
}

export function isHiddenActivationId(value: unknown): value is HiddenActivationId {
  return typeof value === 'string' && (HIDDEN_ACTIVATION_IDS as readonly string[]).includes(value);
}

/** What prose needs about any activation, softmax included: no maths, only words, TeX and facts. */
export interface ActivationProse {
  id: ActivationId;
  name: LocalizedText;
  shortName: string;
  summary: LocalizedText;
  tex: { f: string; fPrime: string };
  /** Label for the derivative line: "derivative" for scalar ones, "Jacobian" for softmax. */
  derivativeKind: 'derivative' | 'jacobian';
  params: readonly ActivationParamSpec[];
  facts: ActivationFacts;
}

/** Softmax is vector-valued, so it is not a hidden-layer choice; it is here for the prose and the gallery. */
export const SOFTMAX_PROSE: ActivationProse = {
  id: 'softmax',
  shortName: 'softmax',
  name: { en: 'Softmax', 'zh-cn': 'Softmax（归一化指数）' },
  summary: {
    en: 'Turns a vector of scores into probabilities that are positive and sum to 1; only differences between scores matter.',
    'zh-cn': '把一组分数变成全为正、总和为 1 的概率；只有分数之间的差值才起作用。',
  },
  tex: {
    f: 'p_i = \\operatorname{softmax}(\\mathbf{z})_i = \\frac{e^{z_i / T}}{\\sum_{j} e^{z_j / T}}',
    fPrime: '\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j) \\quad (T = 1)',
  },
  derivativeKind: 'jacobian',
  params: [],
  facts: facts({
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    saturating: true,
    saturatesOn: 'both',
    canDie: false,
    kinks: [],
  }),
};

export function activationProse(id: ActivationId): ActivationProse {
  if (id === 'softmax') return SOFTMAX_PROSE;
  const a = ACTIVATIONS[id];
  return {
    id,
    name: a.name,
    shortName: shortNameOf(id),
    summary: a.summary,
    tex: a.tex,
    derivativeKind: 'derivative',
    params: a.params,
    facts: a.facts,
  };
}

/** Every id the prose may name, hidden ones first, softmax last. */
export const ALL_ACTIVATION_IDS: readonly ActivationId[] = [...HIDDEN_ACTIVATION_IDS, 'softmax'];
