/** Messages between the browser bench's driver (run.ts, through the page) and its in-browser half (entry.ts). */
import type { BackendName } from '../../../src/core/engine/backend';

export type Workload =
  /** `networks` one-layer networks (H = 2, lr 0.04, batch 32) trained as one batch; seeds seed…seed+networks−1. */
  | { kind: 'batch'; networks: number; epochs: number; seed: number; mix: 'relu' | 'relu+sigmoid' }
  /** The deep demo's default run (src/labs/deep/settings.ts), its activations side by side; `snapshots`: read every 5 epochs. */
  | { kind: 'deep'; epochs: number; snapshots: boolean };

export type BenchCall =
  | { kind: 'init'; wasmBase: string }
  | { kind: 'backend'; backend: BackendName }
  | { kind: 'run'; backend: BackendName; workload: Workload };

export type BenchRequest = { id: number } & BenchCall;

export type BenchReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

export interface RunResult {
  /** Wall-clock ms of the whole workload (all its networks), measured where it ran. */
  ms: number;
  backend: string;
  networks: number;
  /** Last epoch loss of the first network (a cross-backend sanity check). */
  firstLoss: number;
  diverged: number;
  /** tfjs' live tensor count after the run (should not grow). */
  tensorsAfter: number;
}
