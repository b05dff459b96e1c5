/**
 * English UI strings. This object is the source of the `Dictionary` type: every other language must provide
 * the same keys (checked by `astro check` and by a unit test). Each feature owns one namespace.
 */
export const en = {
  common: {
    siteTitle: 'Activations, Intuitively',
    interactiveFigure: 'Interactive figure',
    staticFigureNote: 'Static figure rendered at build time; it becomes interactive when JavaScript runs.',
    comingSoon: 'The live version of this figure is being built. Here is what it will show:',
    chooseLanguage: 'Choose a language',
    redirecting: 'Opening the English edition…',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    notFoundHome: 'Go to the overview',
  },
  gallery: {
    function: 'Function',
    derivative: 'Derivative',
    jacobian: 'Jacobian',
    formulaOf: 'Formula of {name}',
    factsCaption: 'Properties of {name}',
    factsAllCaption: 'Properties of the activation functions',
    activation: 'Activation',
    property: 'Property',
    range: 'Output range',
    zeroCentred: 'Zero-centred (odd: f(−x) = −f(x))',
    monotonic: 'Monotonic',
    bounded: 'Bounded',
    smooth: 'Differentiable everywhere',
    saturating: 'Slope vanishes (f′ → 0)',
    canDie: 'Can die (zero gradient on every input)',
    kinks: 'Kinks',
    yes: 'yes',
    no: 'no',
    none: 'none',
    saturatesNone: 'no',
    saturatesNegative: 'for x → −∞',
    saturatesBoth: 'on both sides',
    galleryCaption: 'Each activation function and its slope',
    chooseActivation: 'Activation function',
    showDerivative: 'Show the derivative f′',
    compare: 'Compare several',
    compareChoose: 'Curves to overlay',
    xRange: 'x range: ±{r}',
    shadedLegend: 'Shaded: |f′(x)| < 0.1, where the gradient nearly vanishes',
    fLegend: 'f(x), solid',
    fPrimeLegend: 'f′(x), dashed',
    readout: 'x = {x}: f(x) = {f}, f′(x) = {fp}',
    plotLabel: '{name}: f(x) and f′(x) for x from {min} to {max}',
    plotLabelNoDerivative: '{name}: f(x) for x from {min} to {max}',
    compareLabel: 'Comparison of {names} for x from {min} to {max}',
    plotHint: 'Focus the plot and use the arrow keys (Home/End for the ends) to move the readout.',
    alpha: 'α, the slope for x ≤ 0',
    beta: 'β, the sharpness of the gate',
    softmaxCaption: 'Softmax turns scores into probabilities',
    logit: 'Logit z{i}',
    temperature: 'Temperature T = {t}',
    addLogit: 'Add a logit',
    removeLogit: 'Remove the last logit',
    notANumber: '“{value}” is not a number; using the last valid value, {last}.',
    probabilitiesLabel: 'Softmax probabilities: {list}',
    sum: 'Sum of the probabilities: {sum}',
    class: 'Class',
    probability: 'Probability',
  },
  entry: {
    tagline: 'Train tiny neural networks in your browser and watch what each activation function contributes.',
    openEdition: 'Read the English edition',
    notFoundHint: 'Try the search box above, or start from the overview of either edition:',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };

export type Dictionary = Widen<typeof en>;
