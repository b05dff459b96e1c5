/** The hero's recorded run (run.json, from src/labs/hero/generate-run.ts), typed: the one place that reads the file. */
import type { NetworkParams } from '../../core/train/types';
import recorded from './run.json';

export interface HeroRun {
  epoch: number;
  params: NetworkParams;
  finalMse: number;
}

export const HERO_RUN: Readonly<HeroRun> = recorded as HeroRun;
