/**
 * The engine's float32 results are frozen: the precomputed studies were generated with it, so a faster step must
 * give the same bits, not merely close ones. fingerprint.ts trains a spread of configurations on each backend and
 * hashes every loss, weight, gradient and deep statistic; fingerprints.json holds the recorded hashes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBackend, type BackendName } from '../../../src/core/engine/backend';
import { caseOutputs, fingerprintCases, hashOutputs } from './fingerprint';
import './engine-setup';

const recorded = JSON.parse(readFileSync(new URL('./fingerprints.json', import.meta.url), 'utf8')) as Record<
  BackendName,
  Record<string, string>
>;

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`the engine on ${backend} gives the recorded bits`, () => {
    it('covers every recorded case', () => {
      expect(fingerprintCases().map((c) => c.name)).toEqual(Object.keys(recorded[backend]));
    });
    for (const c of fingerprintCases()) {
      it(c.name, async () => {
        await useBackend(backend);
        expect(hashOutputs(caseOutputs(c))).toBe(recorded[backend][c.name]);
      });
    }
  });
}
