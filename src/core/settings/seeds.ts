/** Seeds as settings: one seed (the Fit Lab's `seed`) and the command line's lists and spans of them. */
import { integer, type FieldType, type NumberReason } from './schema';

/** Any seed the engine's generator takes. */
export const SEED = integer(0, 2 ** 31 - 1);
/** The most seeds a list may name. */
export const MAX_LISTED_SEEDS = 100_000;

const PART = /^(\d+)(?:-(\d+))?$/;
type SeedListReason = NumberReason | 'badSeedList';

/** Consecutive runs written as spans: [0, 1, 2, 7] → "0-2,7". */
function formatSeeds(seeds: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seeds.length;) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j]! + 1) j++;
    parts.push(j === i ? String(seeds[i]) : `${seeds[i]}-${seeds[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** "0-199", "7" or "1,5,9" (spans and single seeds mixed: "0-9,42"); each seed a SEED, spans running upwards. */
export const seedList: FieldType<number[], SeedListReason> = {
  kind: 'list',
  parse(text) {
    const seeds: number[] = [];
    for (const part of text.split(',')) {
      const m = PART.exec(part);
      if (!m) return { ok: false, reason: 'badSeedList' };
      const from = SEED.parse(m[1]!);
      const to = m[2] === undefined ? from : SEED.parse(m[2]);
      if (!from.ok) return from;
      if (!to.ok) return to;
      if (to.value < from.value || to.value - from.value + 1 + seeds.length > MAX_LISTED_SEEDS) {
        return { ok: false, reason: 'badSeedList' };
      }
      for (let s = from.value; s <= to.value; s++) seeds.push(s);
    }
    return { ok: true, value: seeds };
  },
  format: formatSeeds,
  allowed:
    `seeds like 0-199, 7 or 1,5,9 ` +
    `(spans running upwards, at most ${MAX_LISTED_SEEDS} seeds, each ${SEED.allowed})`,
  problems: { badSeedList: 'bad seed list' },
  equals: (a, b) => a.length === b.length && a.every((s, i) => s === b[i]),
};

export interface SeedSpan {
  from: number;
  to: number;
}

/** "FROM-TO": one upward span of seeds, as the study generators take. */
export const seedSpan: FieldType<SeedSpan, SeedListReason> = {
  kind: 'range',
  parse(text) {
    const r = text.includes('-') ? seedList.parse(text) : ({ ok: false, reason: 'badSeedList' } as const);
    if (!r.ok) return r;
    return text.includes(',')
      ? { ok: false, reason: 'badSeedList' }
      : { ok: true, value: { from: r.value[0]!, to: r.value[r.value.length - 1]! } };
  },
  format: (s) => `${s.from}-${s.to}`,
  allowed: `a span of seeds FROM-TO like 0-999 (at most ${MAX_LISTED_SEEDS} seeds, each ${SEED.allowed})`,
  problems: { badSeedList: 'bad seed range' },
  equals: (a, b) => a.from === b.from && a.to === b.to,
};
