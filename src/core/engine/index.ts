/** The training engine's public surface. */
export { ShallowTrainer, type BatchReadout, type ShallowTrainerOptions, type NetworkReadout } from './shallow-trainer';
export { trainNetworks, batchGroups, type BatchRunResult, type TrainBatchOptions } from './train';
export {
  TrainingSession,
  waitMs,
  type CompareResult,
  type LossUpdate,
  type RunRequest,
  type SessionEvents,
  type SessionOptions,
  type SessionTrainer,
  type StatusInfo,
  type TrainerFactory,
} from '../sessions/session';
export {
  runSeedJob,
  type SeedJobEvents,
  type SeedJobRequest,
  type SeedJobResult,
  type SeedJobStatus,
} from '../sessions/seed-job';
export { toUpdate, gradientMagnitudes, hasNonFinite, type RunUpdate } from '../sessions/snapshots';
export {
  useBackend,
  activateBackend,
  activeBackend,
  BACKEND_NAMES,
  type BackendName,
  type BackendOptions,
  type WasmPaths,
} from './backend';
export { adamStepSize, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON } from './adam';
export { MIN_HIDDEN, MAX_HIDDEN, flattenParams, unflattenParams } from './params';
