/** The many-seeds panel's seed count: whole numbers from 1 to the worker's limit, in the site's number grammar. */
import { describe, expect, it } from 'vitest';
import { MAX_SEEDS } from '../../../src/core/sessions/seed-chunks';
import { parseSeedCount, SEEDS_PANEL } from '../../../src/labs/seeds/settings';

describe('the seeds panel', () => {
  it.each([
    ['1', 1],
    ['100', 100],
    [' 250 ', 250],
    ['1e3', 1000],
    [String(MAX_SEEDS), MAX_SEEDS],
  ])('takes %j as %d seeds', (text, value) => {
    expect(parseSeedCount(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['0', 'outOfRange'],
    [String(MAX_SEEDS + 1), 'outOfRange'],
    ['-3', 'outOfRange'],
    ['2.5', 'notAnInteger'],
    ['0x10', 'notANumber'],
    ['', 'notANumber'],
    ['ten', 'notANumber'],
  ])('refuses %j (%s)', (text, reason) => {
    const r = parseSeedCount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toMatchObject({ param: 'count', reason });
  });

  it('starts from three activations, two hidden neurons and a hundred seeds', () => {
    expect(SEEDS_PANEL.defaults()).toEqual({ activations: ['sigmoid', 'relu', 'leaky_relu'], hidden: 2, count: 100 });
  });
});
