/**
 * Messages between the page and the training worker (train.worker.ts), the one worker of the site. It serves
 * two kinds of work, each scoped by an id the page chose, so late messages of superseded work are recognisable:
 * - a run (runId): an interactive TrainingSession (src/core/sessions/session.ts) — start, pause/resume/step/cancel,
 *   snapshots and losses, or a batched side-by-side `compare`;
 * - a job (jobId): a seed job (runSeedJob, src/core/sessions/seed-job.ts, on the same session) — many seeds trained
 *   to the end in batched chunks, with progress and streamed per-run results.
 * - a deep run (deepId): a DeepSession (src/core/sessions/deep-session.ts) of the deep-stack demo — start, pause,
 *   resume, cancel, per-layer snapshots — kept apart from runs so the Fit Lab and the deep demo never cancel
 *   each other's work.
 * The same messages drive the main-thread fallback (local.ts), so both sides share one dispatcher (dispatch.ts).
 * Every incoming message is checked (validate.ts) before it is acted on: a malformed one is answered with the error
 * report of its kind of work when it carries a usable id, else with 'rejected'.
 */
import type { BackendName } from '../core/engine/backend-core';
import type { SeedJobEvents, SeedJobRequest, SeedJobResult, SeedJobStatus } from '../core/sessions/seed-job';
import type { CompareResult, LossUpdate, RunRequest } from '../core/sessions/session';
import type { RunUpdate } from '../core/sessions/snapshots';
import type { Dataset, RunStatus, TrainConfig } from '../core/train/types';
import type { DeepRunRequest, DeepUpdate } from '../core/train/deep-types';

export type {
  CompareResult,
  LossUpdate,
  RunRequest,
  RunUpdate,
  SeedJobEvents,
  SeedJobRequest,
  SeedJobResult,
  SeedJobStatus,
};

export type StartMessage = { type: 'start'; runId: number } & RunRequest;

/** 'step' trains one step's epochs while paused and sends its update. */
export type ControlMessage = { type: 'pause' | 'resume' | 'step' | 'cancel'; runId: number };

export interface CompareMessage {
  type: 'compare';
  runId: number;
  networks: TrainConfig[];
  data: Dataset;
}

/** 'hold-job' keeps a job waiting between slices (its panel is out of sight) until 'release-job'. */
export type JobMessage =
  | ({ type: 'job'; jobId: number } & SeedJobRequest)
  | { type: 'cancel-job'; jobId: number }
  | { type: 'hold-job'; jobId: number }
  | { type: 'release-job'; jobId: number };

export type DeepStartMessage = { type: 'deep-start'; deepId: number } & DeepRunRequest;
export type DeepControlMessage = { type: 'deep-pause' | 'deep-resume' | 'deep-cancel'; deepId: number };
export type DeepMessage = DeepStartMessage | DeepControlMessage;

export type ToWorker = StartMessage | ControlMessage | CompareMessage | JobMessage | DeepMessage;

export interface StatusMessage {
  type: 'status';
  runId: number;
  status: RunStatus;
  epoch: number;
  divergedAt?: number;
  /** Developer detail for 'error' (islands show a localized message instead). */
  message?: string;
}

export type RunMessage =
  | StatusMessage
  | { type: 'update'; runId: number; update: RunUpdate }
  | { type: 'losses'; runId: number; losses: LossUpdate }
  | { type: 'compared'; runId: number; results: CompareResult[] };

export type JobReport =
  | { type: 'job-status'; jobId: number; status: SeedJobStatus; message?: string }
  | { type: 'job-progress'; jobId: number; done: number; total: number; partial: number }
  | { type: 'job-results'; jobId: number; runs: SeedJobResult[] };

export interface DeepStatusMessage {
  type: 'deep-status';
  deepId: number;
  status: RunStatus;
  epoch: number;
  divergedAt?: number;
  /** Developer detail for 'error' (the island shows a localized message instead). */
  message?: string;
}

export type DeepReport = DeepStatusMessage | { type: 'deep-update'; deepId: number; update: DeepUpdate };

export type FromWorker =
  | { type: 'ready'; backend: BackendName }
  /** The engine could not start at all (no backend could be initialised). */
  | { type: 'fatal'; message: string }
  /** A message the worker could not act on and cannot report under a run's, job's or deep run's id. */
  | { type: 'rejected'; message: string }
  | RunMessage
  | JobReport
  | DeepReport;
