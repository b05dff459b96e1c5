/**
 * What happened during a run, as events a reader can jump to: a neuron dying, the loss stalling, the run
 * diverging. Pure: recorded states and losses in, events out, so the island, the build-time figures and the
 * tests agree.
 *
 * - **died**: a neuron is dead (the analysis' rule, `deadFlags`: φ′ = 0 on every training input, e.g. a ReLU whose
 *   pre-activation is ≤ 0 on all of them) at a recorded epoch and was alive at the recorded epoch before; dead at the
 *   first recorded epoch (0) means dead from the start.
 * - **plateau**: let best(e) be the lowest finite loss up to epoch e. Epoch e is *flat* when the best loss improved
 *   by less than `minImprovement` (relative) over the preceding `window` epochs:
 *   best(e − window) − best(e) < minImprovement · best(e − window). A plateau is a maximal union of flat windows
 *   [e − window, e] that overlap or touch, reported when it spans at least 2 · window epochs, with the best loss at
 *   its end. The lowest-so-far loss never rises, so a noisy mini-batch epoch cannot start or end a plateau alone.
 * - **diverged**: the first epoch whose loss or weights were not finite.
 */

export interface DeadStep {
  epoch: number;
  dead: readonly boolean[];
}

export interface PlateauRule {
  /** Epochs over which the improvement is measured. */
  window: number;
  /** Relative improvement of the best loss below which an epoch is flat (0.01 = 1 %). */
  minImprovement: number;
}

/** Over 20 epochs, less than 1 % better: on the 300-epoch runs of the pages, a stall the eye sees on the log plot. */
export const PLATEAU_RULE: PlateauRule = { window: 20, minImprovement: 0.01 };

export type RunEvent =
  /** `neuron` is 0-based; epoch 0 means dead from the start. */
  | { kind: 'died'; epoch: number; neuron: number }
  | { kind: 'plateau'; epoch: number; until: number; loss: number }
  | { kind: 'diverged'; epoch: number };

/** Each alive → dead change between consecutive recorded steps, and every neuron dead at the first step. */
export function deaths(steps: readonly DeadStep[]): Array<{ epoch: number; neuron: number }> {
  const out: Array<{ epoch: number; neuron: number }> = [];
  steps.forEach((step, k) => {
    const before = k > 0 ? steps[k - 1]!.dead : null;
    step.dead.forEach((d, i) => {
      if (d && !(before?.[i] ?? false)) out.push({ epoch: step.epoch, neuron: i });
    });
  });
  return out;
}

/**
 * Dead flags over time from each neuron's first dead epoch of its final streak (what a run recorded at build time
 * keeps, `deadSince`): a step at epoch 0 and at each such epoch.
 */
export function stepsFromDeadSince(deadSince: ReadonlyArray<number | null>): DeadStep[] {
  const epochs = [...new Set([0, ...deadSince.filter((d): d is number => d !== null)])].sort((a, b) => a - b);
  return epochs.map((epoch) => ({ epoch, dead: deadSince.map((d) => d !== null && d <= epoch) }));
}

/** Plateaus of a loss history ([epoch, loss] in epoch order), by the rule above. */
export function lossPlateaus(
  history: ReadonlyArray<readonly [number, number]>,
  rule: PlateauRule = PLATEAU_RULE,
): Array<{ from: number; to: number; loss: number }> {
  const window = Math.max(1, rule.window);
  // Best finite loss up to each recorded epoch.
  const best: number[] = [];
  let low = Infinity;
  for (const [, loss] of history) {
    if (Number.isFinite(loss) && loss < low) low = loss;
    best.push(low);
  }
  const out: Array<{ from: number; to: number; loss: number }> = [];
  // Written by the loop and by close(); declared wide so the checker does not narrow it to null.
  let current = null as { from: number; to: number; k: number } | null;
  const close = () => {
    if (current && current.to - current.from >= 2 * window)
      out.push({ from: current.from, to: current.to, loss: best[current.k]! });
    current = null;
  };
  let j = 0; // last index with epoch ≤ e − window
  for (let k = 0; k < history.length; k++) {
    const e = history[k]![0];
    while (j + 1 < k && history[j + 1]![0] <= e - window) j++;
    const earlier = history[j]![0] <= e - window ? best[j]! : NaN;
    const now = best[k]!;
    if (!(Number.isFinite(earlier) && Number.isFinite(now) && earlier - now < rule.minImprovement * earlier)) continue;
    // The flat window [e − window, e] joins the current plateau when they overlap or touch.
    if (current && e - window <= current.to + 1) current = { ...current, to: e, k };
    else {
      close();
      current = { from: e - window, to: e, k };
    }
  }
  close();
  return out;
}

/** Every event of a run, in epoch order (deaths before a plateau that starts at the same epoch). */
export function runEvents(
  input: {
    steps: readonly DeadStep[];
    losses: ReadonlyArray<readonly [number, number]>;
    divergedAt: number | null;
  },
  rule: PlateauRule = PLATEAU_RULE,
): RunEvent[] {
  const events: RunEvent[] = [
    ...deaths(input.steps).map((d) => ({ kind: 'died' as const, ...d })),
    ...lossPlateaus(input.losses, rule).map((p) => ({
      kind: 'plateau' as const,
      epoch: p.from,
      until: p.to,
      loss: p.loss,
    })),
  ];
  if (input.divergedAt !== null) events.push({ kind: 'diverged', epoch: input.divergedAt });
  const order = { died: 0, plateau: 1, diverged: 2 };
  return events.sort((a, b) => a.epoch - b.epoch || order[a.kind] - order[b.kind]);
}
