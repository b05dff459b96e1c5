/**
 * A Fit Lab run as the island holds it: the latest weights, losses and neuron states, the recorded moments to go
 * back to, and how a run starts — fresh from the seed's weights, from given weights, or recorded at build time.
 */
import { initialParamsFor } from '../../../core/train/random';
import type { FitLabSettings } from '../../../core/settings/fit-lab';
import type { NetworkParams, RunStatus } from '../../../core/train/types';
import { stepsFromDeadSince, type DeadStep } from '../../../core/analysis/run-events';
import { startTrail, type SnapshotTrail } from '../../../core/sessions/snapshot-trail';
import { neuronLabels } from '../../../shared/network-view';
import { atMoment, recordedTrail, type ShownRun } from '../timeline/timeline';
import { trainingSetup } from '../view';

/** A finished run recorded at build time (see src/labs/fit-lab/generate-figures.ts), shown until the reader trains. */
export interface StaticRun {
  params: NetworkParams;
  history: Array<[number, number]>;
  epoch: number;
  dead: boolean[];
  deadSince: Array<number | null>;
  gradNorm?: number[] | null;
  status: 'done' | 'diverged';
  divergedAt: number | null;
}

export interface RunState {
  status: RunStatus;
  params: NetworkParams;
  epoch: number;
  loss: number | null;
  history: Array<[number, number]>;
  dead: boolean[];
  deadSince: Array<number | null>;
  gradNorm: number[] | null;
  divergedAt: number | null;
  message: string | null;
  /** Recorded moments of the run, to go back to. */
  trail: SnapshotTrail;
  /** The epoch the reader went back to; null while the views follow the run. */
  viewEpoch: number | null;
  /** A recorded run's deaths, epoch by epoch (its trail holds only its start and end). */
  recordedDeaths?: DeadStep[];
}

/** A run about to start from given weights: its trail starts there. */
export function restartAt(
  params: NetworkParams,
  dead: boolean[],
): Pick<RunState, 'trail' | 'viewEpoch' | 'recordedDeaths'> {
  return {
    trail: startTrail({ epoch: 0, params, dead, loss: null, gradNorm: null }),
    viewEpoch: null,
    recordedDeaths: undefined,
  };
}

export function freshRun(s: FitLabSettings): RunState {
  const params = initialParamsFor(s.activation, s.seed, s.hidden);
  // A ReLU unit can be dead before training starts (b = 0, w < 0, x ≥ 0): that is "dead since epoch 0".
  const dead = neuronLabels(params, s, trainingSetup(s).data.x).map((state) => state === 'dead');
  return {
    status: 'idle',
    params,
    epoch: 0,
    loss: null,
    history: [],
    dead,
    deadSince: dead.map((d) => (d ? 0 : null)),
    gradNorm: null,
    divergedAt: null,
    message: null,
    ...restartAt(params, dead),
  };
}

export function runFromStatic(r: StaticRun, s: FitLabSettings): RunState {
  const last = r.history[r.history.length - 1];
  const start = freshRun(s).trail.entries[0]!;
  const end = {
    epoch: r.epoch,
    params: r.params,
    dead: r.dead,
    loss: last ? last[1] : null,
    gradNorm: r.gradNorm ?? null,
  };
  return {
    status: 'idle',
    params: r.params,
    epoch: r.epoch,
    loss: last ? last[1] : null,
    history: r.history,
    dead: r.dead,
    deadSince: r.deadSince,
    gradNorm: r.gradNorm ?? null,
    divergedAt: r.divergedAt,
    message: null,
    trail: recordedTrail(start, end),
    viewEpoch: null,
    recordedDeaths: stepsFromDeadSince(r.deadSince),
  };
}

/**
 * What every view draws (plot, cards, loss, caption): the run at trail `index` (a past epoch the reader went back
 * to), or the live run when index is null. Training state and controls keep reading the run itself.
 */
export function shownRun(run: RunState, index: number | null): ShownRun {
  return atMoment(
    {
      params: run.params,
      dead: run.dead,
      deadSince: run.deadSince,
      epoch: run.epoch,
      loss: run.loss,
      gradNorm: run.gradNorm,
      history: run.history,
    },
    run.trail,
    index,
  );
}
