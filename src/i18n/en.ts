/**
 * English UI strings. This object is the source of the `Dictionary` type: every other language must provide
 * the same keys (checked by `astro check` and by a unit test). Each feature owns one namespace.
 */
import { gallery } from './gallery/en';
import { fitLab } from './fit-lab/en';
import { universalLab } from './universal/en';
import { initLab } from './init/en';
import { seeds } from './seeds/en';
import { deepLab } from './deep/en';
import { hero } from './hero/en';

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
  gallery,
  engine: {
    status: {
      idle: 'Ready',
      loading: 'Loading the training engine…',
      training: 'Training',
      paused: 'Paused',
      done: 'Finished',
      diverged: 'Diverged',
      error: 'Error',
    },
    epochOf: (epoch: number, total: number) => `Epoch ${epoch} of ${total}`,
    loss: (value: string) => `Loss ${value}`,
    diverged: (epoch: number) => `The learning rate is too large: the loss became infinite at epoch ${epoch}.`,
    failed: 'The training engine stopped with an error. Reload the page to try again.',
    unavailable:
      'The training engine could not start in this browser (it needs WebAssembly or, failing that, plain JavaScript in a Web Worker).',
    deadNeuron: (index: number) =>
      `Neuron ${index} is dead: its input is ≤ 0 at every training point, so it outputs 0 and stops learning.`,
    negativeRegime: (index: number) => `Neuron ${index} sits in its negative regime at every training point.`,
  },
  entry: {
    tagline: 'Train tiny neural networks in your browser and watch what each activation function contributes.',
    openEdition: 'Read the English edition',
    notFoundHint: 'Try the search box above, or start from the overview of either edition:',
  },
  fitLab,
  universalLab,
  initLab,
  seeds,
  deepLab,
  hero,
  share: {
    imageAlt: 'A figure from “{title}”: curves drawn by a tiny neural network',
  },
  /** Pagefind's search dialog; [COUNT], [SEARCH_TERM] and [DIFFERENT_TERM] are filled in by Pagefind. */
  search: {
    clear_search: 'Clear',
    load_more: 'Load more results',
    search_label: 'Search this site',
    filters_label: 'Filters',
    zero_results: 'No results for [SEARCH_TERM]',
    many_results: '[COUNT] results for [SEARCH_TERM]',
    one_result: '[COUNT] result for [SEARCH_TERM]',
    alt_search: 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
    search_suggestion: 'No results for [SEARCH_TERM]. Try one of the following searches:',
    searching: 'Searching for [SEARCH_TERM]…',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };

export type Dictionary = Widen<typeof en>;
