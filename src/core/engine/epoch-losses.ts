/**
 * Keras' epoch losses of S networks, kept on the device until read: each step's Σ err² [S, 1, 1] is recorded, and
 * a read turns the completed epochs into Σ over their steps of Σ err², over N — the batch-size-weighted mean of the
 * per-batch losses — in one sync. Both trainers keep their losses here.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { tf } from './tf';

export class EpochLosses {
  /** Σ err² of each step of the epoch under way. */
  private current: tfc.Tensor[] = [];
  /** The same for each epoch completed since the last read. */
  private pending: tfc.Tensor[][] = [];

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
    this.pending.push(this.current);
    this.current = [];
  }

  /** Epochs completed since the last read. */
  get epochs(): number {
    return this.pending.length;
  }

  /** The completed epochs' losses, [S, epochs] row-major; they are then forgotten. */
  read(): Float32Array {
    const epochs = this.pending.length;
    if (epochs === 0) return new Float32Array(0);
    const squares = this.pending.flat();
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
    return losses;
  }

  dispose(): void {
    for (const t of [...this.current, ...this.pending.flat()]) t.dispose();
    this.current = [];
    this.pending = [];
  }
}
