/**
 * Messages between the page and the training worker. One run at a time per worker; every run-scoped message
 * carries the runId the page chose, so late messages from a cancelled run are recognisable and dropped.
 */
import type { BackendName } from '../lib/engine/backend-core';
import type { RunUpdate } from '../lib/engine/snapshots';
import type { Dataset, RunStatus, TrainConfig } from '../lib/train-types';

export type { RunUpdate };

export interface StartMessage {
  type: 'start';
  runId: number;
  networks: TrainConfig[];
  data: Dataset;
  /** Snapshot every k epochs. */
  snapshotEvery: number;
  paused?: boolean;
}

/** 'step' trains one slice (snapshotEvery epochs) while paused and sends its update. */
export type ControlMessage = { type: 'pause' | 'resume' | 'step' | 'cancel'; runId: number };

/** Test hook: the worker answers with its tf.memory(). */
export interface MemoryRequest {
  type: 'memory';
  requestId: number;
}

export type ToWorker = StartMessage | ControlMessage | MemoryRequest;

export interface ReadyMessage {
  type: 'ready';
  backend: BackendName;
}

export interface StatusMessage {
  type: 'status';
  runId: number;
  status: RunStatus;
  epoch: number;
  divergedAt?: number;
  /** Developer detail for 'error' (islands show a localized message instead). */
  message?: string;
}

export interface UpdateMessage {
  type: 'update';
  runId: number;
  update: RunUpdate;
}

export interface MemoryReply {
  type: 'memory';
  requestId: number;
  numTensors: number;
  numBytes: number;
}

/** The engine could not start at all (no backend could be initialised). */
export interface FatalMessage {
  type: 'fatal';
  message: string;
}

export type FromWorker = ReadyMessage | StatusMessage | UpdateMessage | MemoryReply | FatalMessage;
