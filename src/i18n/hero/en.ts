/** English: the landing page figure’s strings, kept apart so an island ships only its own text. */

export const hero = {
  promise:
    'Every curve a neural network draws is a sum of shifted, flipped and stretched copies of its activation function: watch two neurons build y\u00a0=\u00a0cos\u00a0x\u00a0+\u00a01.',
  startReading: 'Start reading',
  openFitLab: 'Open the Fit Lab',
  caption: 'Two sigmoid neurons and a bias fit y = cos x + 1',
  plot: {
    title: 'Two sigmoid neurons fit y = cos x + 1',
    summary:
      '{pieces}; output bias c = {c}. Added up, they give the pink curve, which follows the target with mean squared error {mse}.',
    piece: 'neuron {i} contributes a {direction} step of height {height} centred at x = {centre}',
    rising: 'rising',
    falling: 'falling',
    noCentre: 'nowhere (flat)',
    target: 'target cos x + 1',
    prediction: 'their sum',
    bias: 'output bias c',
    dead: 'dead',
  },
  status: {
    recorded: 'Trained in advance: {epochs} epochs, mean squared error {mse}.',
    idle: 'Trains live when it comes into view.',
    loading: 'Loading the training engine…',
    training: 'Training: epoch {epoch} of {epochs}, loss {loss}.',
    trainingLive: 'Training started.',
    paused: 'Paused at epoch {epoch} while out of sight.',
    done: 'Trained live here: {epochs} epochs, mean squared error {mse}.',
    failed: 'Could not train here; this is the run recorded in advance.',
  },
  replay: 'Train again',
};
