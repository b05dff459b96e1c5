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
