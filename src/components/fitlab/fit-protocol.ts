/** Messages between the Fit Lab's runner (main thread) and its worker (fit-worker.ts). */
import type { Dataset, NetworkParams, RunStatus, Snapshot, TrainConfig } from '../../lib/train-types';

export interface StartMessage {
  type: 'start';
  runId: number;
  config: TrainConfig;
  data: Dataset;
  initial?: NetworkParams;
  snapshotEvery: number;
  epochDelayMs: number;
  startPaused?: boolean;
}

export type FitRequest =
  | StartMessage
  | { type: 'pause' | 'resume' | 'step' | 'cancel' | 'memory'; runId: number }
  | { type: 'compare'; runId: number; configs: TrainConfig[]; data: Dataset };

export type FitResponse =
  /** history: [epoch, loss] for every epoch since the previous message. */
  | { type: 'snapshot'; runId: number; snapshot: Snapshot; history: Array<[number, number]> }
  | { type: 'losses'; runId: number; history: Array<[number, number]> }
  | { type: 'status'; runId: number; status: RunStatus; epoch: number; divergedAt?: number; message?: string }
  | { type: 'compared'; runId: number; results: Array<{ params: NetworkParams; divergedAt: number | null }> }
  | { type: 'memory'; runId: number; numTensors: number };
