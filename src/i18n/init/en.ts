/** English: the initialisation lab’s strings, kept apart so an island ships only its own text. */
import { SETTING_REFUSALS } from '../refusals/en';

export const initLab = {
  caption:
    'Initialisation and dead ReLUs: choose how the weights start, then measure over many seeds how often a network begins, and ends, with a dead neuron.',
  kernel: 'Kernel initialisation',
  kernelNames: { zeros: 'Zeros', glorot_uniform: 'Glorot-uniform (Keras default)', he_uniform: 'He-uniform' },
  kernelLimits: 'w ~ U(−{l1}, {l1}), v ~ U(−{l2}, {l2})',
  kernelZeros: 'every w and v is exactly 0',
  bias: 'Hidden-bias start b',
  biasZero: '0 (Keras default)',
  biasSmall: '0.1 (small positive)',
  biasOther: 'Other',
  biasValue: 'Other bias value',
  biasHint: 'A number from −1 to 1.',
  activation: 'Activation',
  seeds: 'Seeds (how many, numbered from 0)',
  seedsHint: 'A whole number from 50 to 1,000.',
  measure: 'Measure',
  cancel: 'Cancel',
  progress: 'Progress',
  status: {
    idle: 'Ready: choose an initialisation, then press Measure.',
    loading: 'Loading the training engine…',
    training: 'Training: {done} of {total} networks finished.',
    paused:
      'Paused while the demo is out of sight ({done} of {total} networks finished); it carries on when you come back.',
    done: 'Done: {total} networks trained in {seconds} s.',
    cancelled: 'Cancelled after {done} of {total} networks; the shares below are over those {done}.',
    error: 'The measurement could not finish: {message}',
  },
  resultsCaption: '{activation}, {kernel}, b = {bias}: share of networks',
  statistic: 'Statistic',
  live: 'Measured now ({n} seeds)',
  precomputed: 'Precomputed ({n} seeds)',
  notPrecomputed: 'not precomputed for this bias',
  notYet: 'not measured yet',
  stats: {
    deadAtInit: '≥ 1 dead neuron at the start',
    deadAtEnd: '≥ 1 dead neuron after training',
    negativeAtInit: '≥ 1 unit on its negative side at the start',
    negativeAtEnd: '≥ 1 unit on its negative side after training',
    goodFit: 'Good fit (MSE < 0.01)',
    medianMse: 'Median final MSE',
  },
  weightsTitle: 'Initial input weights w of seeds 0–{last} ({units} units)',
  weightsDesc:
    'Histogram of the starting w under {kernel} with b = {bias}: {off} of {units} units ({share}) start off, that is with w·x + b ≤ 0 on every training input; {networks} of {seeds} networks ({networkShare}) have at least one such unit.',
  weightsX: 'w',
  weightsY: 'units',
  weightsActive: 'active at the start',
  weightsOff: 'off at the start (w·x + b ≤ 0 on every input)',
  weightsBand: 'U(−L, L), L = {l}',
  weightsSummary: '{off} of {units} units start off; {networkShare} of networks have at least one.',
  why: {
    zerosNoBias:
      'All weights are 0, so every pre-activation is 0 and every unit outputs φ(0) = 0: v gets no gradient, and v = 0 blocks the gradient to the first layer. Only the output bias learns, and the network stays a constant.',
    zerosBias:
      'All kernels are 0, so both units start identical and receive identical gradients. They stay twins forever, and the network can do no more than a single unit.',
    signNoBias:
      'With b = 0 and inputs x ≥ 0, a unit starts off exactly when w ≤ 0: the sign decides, not the size. Glorot and He draw the same signs, so they switch off the same units.',
    neverOff:
      'A sigmoid unit is never off: σ′ > 0 everywhere, so every unit keeps a gradient whatever the sign of w. What the scheme changes is how far into the flat tails the units start.',
    signPositiveBias:
      'With b > 0 every unit is active at x = 0, so none starts dead; a unit with w < 0 is active only near x = 0 and can still die during training.',
    signNegativeBias:
      'With b < 0 a unit needs w > −b/(2π) to be active anywhere on [0, 2π], so even some positive weights start off.',
  },
  tableCaption:
    'Precomputed with the real engine: the seed experiment (2 hidden neurons, Adam 0.04, 300 epochs, batch 32), {n} seeds per row.',
  tableKernel: 'Kernels',
  tableBias: 'b',
  tableActivation: 'Activation',
  tableNote: 'Each cell is the share of networks with at least one such neuron, or the median final MSE.',
  kernelShort: { zeros: 'zeros', glorot_uniform: 'glorot-uniform', he_uniform: 'He-uniform' },
  tableHeads: {
    deadAtInit: 'Dead at start',
    deadAtEnd: 'Dead at end',
    negativeAtInit: 'Negative side at start',
    negativeAtEnd: 'Negative side at end',
    goodFit: 'Good fit',
    medianMse: 'Median MSE',
  },
  refusedTitle: 'Some settings in the address were not valid, so their defaults are used instead:',
  paramNames: { init: 'Kernel initialisation', bias: 'Hidden-bias start', iact: 'Activation', iseeds: 'Seeds' },
  refusal: {
    ...SETTING_REFUSALS,
    badExpression: '{param} = “{value}” is not valid.',
    notForActivation: '{param} = “{value}” does not apply here.',
  },
  inputRefused: 'Not used: {reason}',
};
