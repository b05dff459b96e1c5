/** Shared by InitLab.astro and its island: the rows of the precomputed table, labels and refusal messages. */
import type { Dictionary } from '../../i18n';
import type { HiddenActivationId } from '../../core/activations/types';
import type { InitSpec, KernelInit } from '../../core/train/init-schemes';
import { INIT_LAB, type InitRefusal } from './settings';
import { fill } from '../../shared/format';

export type InitLabText = Dictionary['initLab'];

export interface PrecomputedRow {
  activation: HiddenActivationId;
  kernel: KernelInit;
  hiddenBias: number;
  deadAtInitShare: number;
  deadAtEndShare: number;
  negativeAtInitShare: number;
  negativeAtEndShare: number;
  goodFitShare: number;
  medianMse: number;
}

/** The statistics the lab can show: dead units for ReLU, units on their negative side for leaky ReLU. */
export const STAT_KEYS = [
  'deadAtInitShare',
  'negativeAtInitShare',
  'deadAtEndShare',
  'negativeAtEndShare',
  'goodFitShare',
  'medianMse',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

export function statLabel(t: InitLabText, key: StatKey): string {
  const names = {
    deadAtInitShare: t.stats.deadAtInit,
    negativeAtInitShare: t.stats.negativeAtInit,
    deadAtEndShare: t.stats.deadAtEnd,
    negativeAtEndShare: t.stats.negativeAtEnd,
    goodFitShare: t.stats.goodFit,
    medianMse: t.stats.medianMse,
  };
  return names[key];
}

export function findRow(
  rows: readonly PrecomputedRow[],
  activation: HiddenActivationId,
  init: InitSpec,
): PrecomputedRow | undefined {
  return rows.find((r) => r.activation === activation && r.kernel === init.kernel && r.hiddenBias === init.hiddenBias);
}

/** A bias as written in the UI: a true minus sign. */
export const biasText = (b: number) => String(b).replace('-', '−');

export function refusalText(t: InitLabText, r: InitRefusal): string {
  return fill(t.refusal[r.reason], {
    param: `${t.paramNames[INIT_LAB.labelOf(r.param) as keyof InitLabText['paramNames']]} (${r.param})`,
    value: r.value,
    range: (r.detail ?? '').replace(/-/g, '−'),
  });
}
