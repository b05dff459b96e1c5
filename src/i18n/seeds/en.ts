/** English: the many-seeds study’s strings, kept apart so an island ships only its own text. */

export const seeds = {
  figureTitle: '{name}: final MSE of {n} seeds',
  figureDesc:
    'Histogram of the final mean squared error on a logarithmic axis. Median {median}, 10th percentile {p10}, 90th percentile {p90}. Good fits {good}, plateaus {plateau}, straight lines {line}.',
  hiddenCount: '{h} hidden',
  hiddenCountOne: '1 hidden',
  xAxis: 'final MSE (log scale)',
  yAxis: 'runs',
  outcome: { good: 'good fit', plateau: 'plateau', line: 'straight line' },
  bar: 'MSE {lo} to {hi}: {count} runs',
  barHint:
    'Select a bar (click, or Tab to it and press Enter) to list its seeds; a seed opens that exact run in the Fit Lab.',
  markerGood: '0.01',
  markerLine: 'line',
  markerBound: 'B',
  binSeedsTitle: '{heading}: {count} seeds with final MSE from {lo} to {hi}',
  openSeed: 'Open seed {seed} in the Fit Lab',
  closeList: 'Close the list',
  more: 'and {n} more',
  summaryLine: 'median {median} · p10 {p10} · p90 {p90}',
  sharesLine: 'good {good} · plateau {plateau} · line {line}',
  deadLine: '≥1 dead neuron: {start} at the start, {end} at the end',
  negativeLine: '≥1 neuron on its negative side everywhere: {start} at the start, {end} at the end',
  table: {
    caption: 'Outcomes of {n} seeds per configuration ({epochs} epochs)',
    config: 'activation',
    hidden: 'H',
    median: 'median MSE',
    p10: 'p10',
    p90: 'p90',
    good: 'good fit',
    plateau: 'plateau',
    line: 'straight line',
    deadStart: '≥1 dead at start',
    deadEnd: '≥1 dead at end',
    notApplicable: '—',
    negativeNote:
      'For leaky ReLU the dead columns count neurons in their negative regime on every input (they still learn, slowly).',
  },
  bound: {
    caption: 'One hidden neuron against the monotone bound B = {bound}',
    config: 'activation',
    best: 'lowest final MSE',
    belowBound: 'runs below B',
    nearBound: 'within 5 % of B',
    line: 'straight line',
  },
  death: {
    caption: 'ReLU: what is decided before the first step',
    measure: 'measure',
    predicted: 'predicted',
    measured: 'measured',
    anyDead: '≥1 neuron dead at the start',
    allDead: 'all neurons dead at the start',
    goodIfAlive: 'good fits among runs with no dead neuron at the start',
    goodIfDead: 'good fits among runs with a dead neuron at the start',
    diedDuring: 'runs that started with every neuron alive and lost one during training',
    revived: 'runs with a neuron dead at the start that was alive at the end',
  },
  longer: {
    caption: 'Longer training, seeds {from}–{to}: share of good fits after each number of epochs',
    config: 'activation',
    epochs: '{epochs} epochs',
    slow: 'not a good fit at {first} epochs, a good fit at {last} (gained)',
    lost: 'a good fit at {first} epochs, above the threshold again at {last} (lost)',
    stuckAt: 'not a good fit after {epochs} epochs',
    neverDeadStart: 'stuck, with a neuron dead from the start (can never recover)',
    neverDiedLater: 'stuck, with a neuron that died during training',
    stillStuck: 'still stuck at {epochs}, all neurons alive',
  },
  claims: {
    caption: 'What the article says and what the runs show',
    claim: 'what the article says',
    evidence: 'what the runs show',
    leaky: {
      says: 'Leaky ReLU gives a satisfying fit every time.',
      shows:
        '{good} of {n} leaky ReLU runs end as good fits (MSE < 0.01); {fail} do not. The clear failures: {line} end as a straight line, no better than the flat line through the points. (The threshold is only {ratio} the best leaky run’s error, so runs near their best sit close to it.)',
    },
    sigmoid: {
      says: 'Sigmoid is actually better here, since its pieces are smooth curves (tanh likewise).',
      shows:
        'Good fits: sigmoid {sigmoid}, tanh {tanh}, ReLU {relu}. Median final MSE: sigmoid {sigmoidMedian}, tanh {tanhMedian}, ReLU {reluMedian}. From the same initial weights, sigmoid ends lower than ReLU on {sigmoidWins} of the seeds, tanh on {tanhWins}.',
    },
    dead: {
      says: 'A dead ReLU neuron stays stuck, and further iterations do not help.',
      shows:
        '{deadStart} of two-neuron ReLU runs start with a dead neuron and {deadEnd} end with one; {revived} runs bring a dead-at-start neuron back. Trained for {lastEpochs} epochs ({longerN} seeds), {neverGood} of the {stuckDead} runs stuck with a neuron dead from the start are still stuck, and {slow} of the {stuck} runs stuck at {firstEpochs} epochs become good fits later.',
    },
    linear: {
      says: 'Several linear neurons act as one, so the result is a straight line.',
      shows:
        '{line} of {n} linear runs end as straight lines (MSE ≥ 0.9 × the best line’s); the largest share for any other two-neuron activation that can learn is {otherMax}. (The step cannot: its hidden layer gets no gradient, and {stepLine} of its runs end as straight lines.)',
    },
    one: {
      says: 'With one neuron, a single activation function has to do all the fitting.',
      shows:
        'One-neuron runs of monotone activations (sigmoid, tanh, ReLU, softsign, step) that end below the monotone bound B = {bound}: {below}; lowest final MSE: sigmoid {sigmoidBest}, tanh {tanhBest}, ReLU {reluBest}; good fits among them: {goodOne}. A neuron that is not monotone can do it alone: one sine neuron fits in {sineOne} of its runs, although one Gaussian neuron, starting centred at the data’s left edge, never does ({gaussianOne} good fits). Two sigmoid neurons fit in {twoGood}.',
    },
  },
  live: {
    activations: 'Activations to train',
    hidden: 'Hidden neurons',
    count: 'Seeds (starting at 0)',
    countHint: 'A whole number from 1 to 1,000.',
    countRefused: 'The number of seeds must be a whole number from 1 to 1,000.',
    noneChosen: 'Choose at least one activation.',
    start: 'Train',
    cancel: 'Cancel',
    progress: 'Progress',
    status: {
      idle: 'Ready: choose activations and a number of seeds, then press Train.',
      loading: 'Loading the training engine…',
      training: 'Training: {done} of {total} networks finished.',
      paused:
        'Paused while the panel is out of sight ({done} of {total} networks finished); it carries on when you come back.',
      done: 'Done: {total} networks trained in {seconds} s.',
      cancelled: 'Cancelled after {done} of {total} networks.',
      error: 'The run could not finish: {message}',
    },
    resultTitle: '{name}: {n} seeds so far',
    needsJs:
      'This panel trains networks in your browser and needs JavaScript, which is off. The histograms above show the same experiment, trained in advance.',
  },
};
