/**
 * Keras' epoch losses of S networks, kept on the device until read: each step's Σ err² [S, 1, 1] is recorded, and
 * a read turns the completed epochs into Σ over their steps of Σ err², over N — the batch-size-weighted mean of the
 * per-batch losses — in one sync. Both trainers keep their losses here.
 *
 * A run read only at its end (the command line, build-time data, the bench) would hold a tensor per step, and on the
 * WebAssembly backend every live tensor makes each later op a little slower (1,200 of them cost a lone 300-epoch run
 * about a tenth of its time). So a completed epoch's steps are joined into one tensor [S, steps, 1] at once, and
 * every FOLD epochs into one block. Joining only moves numbers: the read sums the same values in the same order.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { kernels as K } from './kernels';
import { tf } from './tf';

const FOLD = 32;

export class EpochLosses {
  /** Σ err² of each step of the epoch under way. */
  private current: tfc.Tensor[] = [];
  /** Σ err² of the epochs completed since the last read, [S, epochs·steps, 1] each: folded blocks, then epochs. */
  private pending: tfc.Tensor[] = [];
  /** Leading entries of `pending` that are folded blocks. */
  private blocks = 0;
  private completed = 0;

  constructor(
    private readonly networks: number,
    private readonly points: number,
    private readonly stepsPerEpoch: number,
  ) {}

  /** Take ownership of one step's Σ err² per network, [S, 1, 1]. */
  addStep(squares: tfc.Tensor): void {
    this.current.push(squares);
  }

  endEpoch(): void {
    this.pending.push(this.join(this.current));
    this.current = [];
    this.completed++;
    if (this.pending.length - this.blocks === FOLD) {
      const block = this.join(this.pending.slice(this.blocks));
      this.pending.length = this.blocks;
      this.pending.push(block);
      this.blocks++;
    }
  }

  /** One tensor of `parts` side by side along axis 1; the parts are disposed. */
  private join(parts: tfc.Tensor[]): tfc.Tensor {
    if (parts.length === 1) return parts[0]!;
    // Kept: it outlives any tidy scope the epoch ends in.
    const joined = tf.keep(K.concat(parts, 1));
    for (const t of parts) t.dispose();
    return joined;
  }

  /** Epochs completed since the last read. */
  get epochs(): number {
    return this.completed;
  }

  /** The completed epochs' losses, [S, epochs] row-major; they are then forgotten. */
  read(): Float32Array {
    const epochs = this.completed;
    if (epochs === 0) return new Float32Array(0);
    const squares = this.pending;
    const table = tf.tidy(() =>
      tf.div(
        tf.sum(tf.reshape(tf.concat(squares, 1), [this.networks, epochs, this.stepsPerEpoch]), 2),
        tf.scalar(this.points),
      ),
    );
    const losses = table.dataSync() as Float32Array;
    table.dispose();
    for (const t of squares) t.dispose();
    this.pending = [];
    this.blocks = 0;
    this.completed = 0;
    return losses;
  }

  dispose(): void {
    for (const t of [...this.current, ...this.pending]) t.dispose();
    this.current = [];
    this.pending = [];
    this.blocks = 0;
    this.completed = 0;
  }
}
