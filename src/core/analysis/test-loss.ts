/**
 * The error on held-out points: the mean squared error of a network's prediction on points it never trained on,
 * in float64 from its current parameters (a few hundred multiply-adds; cheap at every report). A run reports it
 * beside its training loss, so a curve of both shows when the fit starts learning the noise instead of the shape.
 *
 * The training loss a run reports is Keras' epoch loss (the mean over the epoch's batches, the weights moving
 * between them); the test loss is measured at the epoch's end, as Keras measures val_loss.
 */
import type { Dataset, NetworkParams } from '../train/types';
import { meanSquaredError, predictAll, type ActivationChoice } from './network';

/** MSE on the held-out points; null when there are none. */
export function testMse(params: NetworkParams, act: ActivationChoice, test: Dataset | undefined): number | null {
  if (!test || test.x.length === 0) return null;
  return meanSquaredError(predictAll(params, act, test.x), test.y);
}

/**
 * Per network of a run, its test MSE at the current parameters: null for a network that diverged (its weights
 * are no longer numbers); undefined for the whole run when it has no held-out points.
 */
export function testLosses(
  networks: ReadonlyArray<{ params: NetworkParams; divergedAt: number | null }>,
  configs: readonly ActivationChoice[],
  test: Dataset | undefined,
): (number | null)[] | undefined {
  if (!test || test.x.length === 0) return undefined;
  return networks.map((n, s) => (n.divergedAt === null ? testMse(n.params, configs[s]!, test) : null));
}
