/**
 * The recorded tf.layers runs (layers-recording.json) are refused once anything they depend on changes, with the
 * field named and the command to re-record; and the committed recording is current and covers every parity case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/core/data/dataset';
import { engineBackend } from '../unit/engine/engine-setup';
import { DEEP_ACTIVATIONS, DEEP_SEEDS, deepTraining, EPOCHS, LAYERS_IDS, SEEDS } from './cases';
import { checkedRecording, currentFingerprint, recording, staleField } from './recording';

beforeAll(() => engineBackend('cpu'));

describe('the recorded tf.layers runs', () => {
  it('are refused, naming the field, when the fingerprint differs', () => {
    const current = currentFingerprint();
    expect(staleField({ ...current }, current)).toBeNull();
    expect(staleField({ ...current, lr: '0.05' }, current)).toBe('lr');
    expect(staleField({ ...current, 'deep initial 1': '0' }, current)).toBe('deep initial 1');
    // A case the recording does not know (a new activation), and one it has that no longer exists.
    const { 'form prelu': _prelu, ...withoutPrelu } = current;
    expect(staleField(withoutPrelu, current)).toBe('form prelu');
    expect(staleField({ ...current, 'form step': '{}' }, current)).toBe('form step');
    const committed = recording();
    const stale = { ...committed, fingerprint: { ...committed.fingerprint, tfjs: '4.21.0' } };
    expect(() => checkedRecording(stale, current)).toThrow(
      /"tfjs" was 4\.21\.0 and is now \d+\.\d+\.\d+.*run npm run parity:record/,
    );
  });

  it('match the current fingerprint and hold a full run for every case', () => {
    const { oneHidden, deep } = recording();
    expect(Object.keys(oneHidden)).toEqual(LAYERS_IDS);
    for (const id of LAYERS_IDS) {
      expect(
        oneHidden[id]!.map((run) => run.losses.length),
        id,
      ).toEqual(SEEDS.map(() => EPOCHS));
      expect(
        oneHidden[id]!.map((run) => run.alphas.length),
        id,
      ).toEqual(SEEDS.map(() => (id === 'prelu' ? 1 : 0)));
    }
    const { epochs } = deepTraining(seedDataset());
    expect(Object.keys(deep)).toEqual(DEEP_SEEDS.map(String));
    for (const seed of DEEP_SEEDS)
      expect(deep[seed]!.map((run) => run.losses.length)).toEqual(DEEP_ACTIVATIONS.map(() => epochs));
  });
});
