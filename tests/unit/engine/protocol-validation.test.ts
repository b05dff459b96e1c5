/**
 * The worker's dispatcher checks every incoming message (validate.ts): a malformed one gets an error report (under
 * its own id when it has a usable one, else 'rejected'), changes nothing, and never makes the dispatcher throw or
 * reject; an engine error in answer to a well-formed request becomes an error report too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import type { DeepConfig } from '../../../src/core/train/deep-types';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import { MAX_NETWORKS, MAX_POINTS } from '../../../src/core/engine/params';
import type { TrainerFactory } from '../../../src/core/sessions/session';
import { createDispatcher } from '../../../src/worker/dispatch';
import type { FromWorker } from '../../../src/worker/protocol';
import { checkMessage, MAX_JOB_NETWORKS } from '../../../src/worker/validate';
import { config, engineBackend } from './engine-setup';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await engineBackend('wasm');
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  // Unhandled rejections surface after a turn of the event loop.
  await new Promise((r) => setTimeout(r, 10));
  expect(unhandled).toEqual([]);
});

const data = seedDataset();
const net = config('sigmoid', 0, { epochs: 20 });
const deepConfig: DeepConfig = {
  layers: 2,
  width: 3,
  lr: 0.01,
  epochs: 10,
  batchSize: 32,
  seed: 1,
  networks: [{ activation: 'relu' }],
};

function setup(makeTrainer: TrainerFactory = (o) => new ShallowTrainer(o), post?: (m: FromWorker) => void) {
  const posted: FromWorker[] = [];
  const dispatch = createDispatcher({
    post: post ?? ((m) => posted.push(m)),
    makeTrainer,
    ready: Promise.resolve(null),
    sliceMs: 2,
    loadDeepTrainer: () => Promise.resolve((r) => new DeepTrainer(r)),
  });
  return { posted, dispatch };
}

/** Dispatch one message to a fresh dispatcher; its promise must resolve. Returns what was posted. */
async function replies(m: unknown, makeTrainer?: TrainerFactory): Promise<FromWorker[]> {
  const { posted, dispatch } = setup(makeTrainer);
  await expect(dispatch(m)).resolves.toBeUndefined();
  return posted;
}

/** Polls until `pred` holds, and fails the test if it never does. */
async function until(pred: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 5000 && !pred(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(pred(), `timed out waiting for ${what}`).toBe(true);
}

const start = (o: Record<string, unknown> = {}) => ({
  type: 'start',
  runId: 7,
  networks: [net],
  data,
  snapshotEvery: 5,
  ...o,
});
const withConfig = (o: Record<string, unknown>) => start({ networks: [{ ...net, ...o }] });
const column = (n: number, v = 0) => new Array<number>(n).fill(v);

describe('messages without a usable id are rejected', () => {
  it.each([
    ['null', null, /expected an object, got null/],
    ['a string', 'start', /expected an object, got "start"/],
    ['a number', 42, /expected an object, got 42/],
    ['an array', [{ type: 'start' }], /expected an object, got an array of 1/],
    ['no type', { runId: 1 }, /unknown type undefined/],
    ['an unknown type', { type: 'explode', runId: 1 }, /unknown type "explode"/],
    ['a type from the prototype', { type: 'constructor', runId: 1 }, /unknown type "constructor"/],
    ['a type that is not text', { type: 3, runId: 1 }, /unknown type 3/],
    ['a reply type', { type: 'status', runId: 1 }, /unknown type "status"/],
    [
      'a start without runId',
      { type: 'start', networks: [net], data, snapshotEvery: 1 },
      /\(start\): runId must be a non-negative integer, got undefined/,
    ],
    ['a runId as text', { type: 'pause', runId: '1' }, /\(pause\): runId .* got "1"/],
    ['a NaN runId', { type: 'cancel', runId: NaN }, /runId .* got NaN/],
    ['a negative runId', { type: 'resume', runId: -1 }, /runId .* got -1/],
    ['a fractional runId', { type: 'step', runId: 1.5 }, /runId .* got 1\.5/],
    ['a job without jobId', { type: 'job', chunks: [], data }, /\(job\): jobId .* got undefined/],
    ['a cancel-job with an object id', { type: 'cancel-job', jobId: {} }, /jobId .* got an object/],
    [
      'a memory request (no such message: tests read tensors from the worker itself)',
      { type: 'memory', requestId: 1 },
      /unknown type "memory"/,
    ],
    ['a deep control with a text id', { type: 'deep-pause', deepId: 'x' }, /\(deep-pause\): deepId .* got "x"/],
    [
      'a deep start with Infinity as id',
      { type: 'deep-start', deepId: Infinity, config: deepConfig, data, snapshotEvery: 1 },
      /deepId .* got Infinity/,
    ],
  ])('%s', async (_, m, message) => {
    const posted = await replies(m);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toEqual({ type: 'rejected', message: expect.stringMatching(message) as string });
  });
});

describe('malformed work is refused under its own id, before anything runs', () => {
  const refused: [string, unknown, RegExp][] = [
    ['networks missing', start({ networks: undefined }), /networks must be an array, got undefined/],
    ['networks not an array', start({ networks: { 0: net } }), /networks must be an array, got an object/],
    ['no networks', start({ networks: [] }), /the number of networks must be an integer from 1 to 10000, got 0/],
    [
      'too many networks',
      start({ networks: new Array(MAX_NETWORKS + 1).fill(net) }),
      /networks must be an array of at most 10000, got an array of 10001/,
    ],
    ['a network that is not an object', start({ networks: [null] }), /networks\[0\] must be an object, got null/],
    ['hidden as text', withConfig({ hidden: '2' }), /networks\[0\]\.hidden must be a number, got "2"/],
    ['lr NaN', withConfig({ lr: NaN }), /networks\[0\]: .*lr must be a finite number above 0, got NaN/],
    ['lr Infinity', withConfig({ lr: Infinity }), /lr .* got Infinity/],
    ['epochs NaN', withConfig({ epochs: NaN }), /epochs must be an integer from 1 to 100000, got NaN/],
    ['hidden 2.5', withConfig({ hidden: 2.5 }), /hidden must be an integer from 1 to 32, got 2\.5/],
    ['batchSize 0', withConfig({ batchSize: 0 }), /batchSize .* got 0/],
    ['seed -1', withConfig({ seed: -1 }), /seed .* got -1/],
    ['an unknown activation', withConfig({ activation: 'nope' }), /activation must be one of .*; got "nope"/],
    [
      'an activation that is not text',
      withConfig({ activation: 4 }),
      /networks\[0\]\.activation must be an activation id, got 4/,
    ],
    [
      'a NaN activation parameter',
      withConfig({ activation: 'leaky_relu', activationParams: { alpha: NaN } }),
      /alpha must be a finite number, got NaN/,
    ],
    ['data missing', start({ data: undefined }), /data must be an object, got undefined/],
    ['empty data', start({ data: { x: [], y: [] } }), /needs 1 to 10000 points, got 0/],
    [
      'x and y of different lengths',
      start({ data: { x: [0, 1], y: [0] } }),
      /x and y must be equally long, got 2 and 1/,
    ],
    ['NaN in y', start({ data: { x: [0, 1, 2, 3], y: [0, 1, 2, NaN] } }), /y\[3\] must be a finite number, got NaN/],
    ['text in x', start({ data: { x: ['0'], y: [0] } }), /x\[0\] must be a finite number, got "0"/],
    [
      'a huge x',
      start({ data: { x: column(MAX_POINTS + 1), y: column(MAX_POINTS + 1) } }),
      /data\.x must be an array of at most 10000, got an array of 10001/,
    ],
    ['snapshotEvery missing', start({ snapshotEvery: undefined }), /snapshotEvery must be a number, got undefined/],
    ['snapshotEvery NaN', start({ snapshotEvery: NaN }), /snapshotEvery must be a finite number, got NaN/],
    ['snapshotEvery 0', start({ snapshotEvery: 0 }), /snapshotEvery must be from 1 to .* got 0/],
    ['stepEpochs as text', start({ stepEpochs: '1' }), /stepEpochs must be a finite number, got "1"/],
    ['a negative epochDelayMs', start({ epochDelayMs: -1 }), /epochDelayMs must be from 0 to 60000, got -1/],
    ['an epochDelayMs of a day', start({ epochDelayMs: 86_400_000 }), /epochDelayMs must be from 0 to 60000/],
    ['paused as text', start({ paused: 'yes' }), /paused must be true or false, got "yes"/],
    [
      'initial for another number of networks',
      start({ initial: [] }),
      /initial must be an array of 1 \(one per network\), got an array of 0/,
    ],
    [
      'initial of the wrong size',
      start({ initial: [{ w1: [1], b1: [0, 0], w2: [1, 1], b2: 0 }] }),
      /initial\[0\]\.w1 must be an array of 2, got an array of 1/,
    ],
    [
      'initial with NaN',
      start({ initial: [{ w1: [1, 1], b1: [0, 0], w2: [1, NaN], b2: 0 }] }),
      /initial\[0\]\.w2\[1\] must be a finite number, got NaN/,
    ],
    [
      'initial without b2',
      start({ initial: [{ w1: [1, 1], b1: [0, 0], w2: [1, 1] }] }),
      /initial\[0\]\.b2 must be a finite number, got undefined/,
    ],
  ];

  it.each(refused)('a start with %s gets an error status for its run', async (_, m, message) => {
    const posted = await replies(m);
    expect(posted).toEqual([
      { type: 'status', runId: 7, status: 'error', epoch: 0, message: expect.stringMatching(message) as string },
    ]);
    expect(posted[0]!.type === 'status' && posted[0]!.message).toMatch(/^Malformed message \(start\): /);
  });

  it.each([
    [
      'lr -1',
      { type: 'compare', runId: 3, networks: [{ ...net, lr: -1 }], data },
      /lr must be a finite number above 0, got -1/,
    ],
    ['no data', { type: 'compare', runId: 3, networks: [net] }, /data must be an object, got undefined/],
  ])('a compare with %s gets an error status for its run', async (_, m, message) => {
    expect(await replies(m)).toEqual([
      { type: 'status', runId: 3, status: 'error', epoch: 0, message: expect.stringMatching(message) as string },
    ]);
  });

  it.each([
    ['chunks missing', { type: 'job', jobId: 4, data }, /chunks must be an array, got undefined/],
    [
      'an empty chunk',
      { type: 'job', jobId: 4, chunks: [[net], []], data },
      /chunks\[1\]: .*number of networks .* got 0/,
    ],
    [
      'a bad network in a chunk',
      { type: 'job', jobId: 4, chunks: [[net], [net, { ...net, epochs: NaN }]], data },
      /chunks\[1\]\[1\]: .*epochs .* got NaN/,
    ],
    [
      'a chunk that is not an array',
      { type: 'job', jobId: 4, chunks: [net], data },
      /chunks\[0\] must be an array, got an object/,
    ],
    [
      'more networks than a job may hold',
      {
        type: 'job',
        jobId: 4,
        chunks: new Array(MAX_JOB_NETWORKS / MAX_NETWORKS + 1).fill(new Array(MAX_NETWORKS).fill(net)),
        data,
      },
      /at most 100000 networks in all, got 110000/,
    ],
  ])('a job with %s gets an error status for the job', async (_, m, message) => {
    expect(await replies(m)).toEqual([
      { type: 'job-status', jobId: 4, status: 'error', message: expect.stringMatching(message) as string },
    ]);
  });

  it.each([
    ['no config', { type: 'deep-start', deepId: 5, data, snapshotEvery: 1 }, /config must be an object, got undefined/],
    [
      'width 99',
      { type: 'deep-start', deepId: 5, config: { ...deepConfig, width: 99 }, data, snapshotEvery: 1 },
      /width must be an integer from 1 to 32, got 99/,
    ],
    [
      'layers as text',
      { type: 'deep-start', deepId: 5, config: { ...deepConfig, layers: '2' }, data, snapshotEvery: 1 },
      /config\.layers must be a number, got "2"/,
    ],
    [
      'an activation that is not text',
      {
        type: 'deep-start',
        deepId: 5,
        config: { ...deepConfig, networks: [{ activation: null }] },
        data,
        snapshotEvery: 1,
      },
      /config\.networks\[0\]\.activation must be an activation id, got null/,
    ],
    [
      'NaN in the data',
      { type: 'deep-start', deepId: 5, config: deepConfig, data: { x: [0, 1], y: [NaN, 1] }, snapshotEvery: 1 },
      /y\[0\] must be a finite number, got NaN/,
    ],
    [
      'initial kernels of the wrong shape',
      {
        type: 'deep-start',
        deepId: 5,
        config: deepConfig,
        data,
        snapshotEvery: 1,
        initial: [{ kernels: [[1, 1, 1], [1], [1, 1, 1]], biases: [[0, 0, 0], [0, 0, 0], [0]] }],
      },
      /initial\[0\]\.kernels\[1\] must be an array of 9, got an array of 1/,
    ],
  ])('a deep start with %s gets an error status for its deep run', async (_, m, message) => {
    expect(await replies(m)).toEqual([
      { type: 'deep-status', deepId: 5, status: 'error', epoch: 0, message: expect.stringMatching(message) as string },
    ]);
  });

  it('a message whose fields cannot even be read is refused, not thrown', async () => {
    const hostile = {
      type: 'start',
      runId: 9,
      get networks(): never {
        throw new Error('no reading me');
      },
    };
    expect(await replies(hostile)).toEqual([
      {
        type: 'status',
        runId: 9,
        status: 'error',
        epoch: 0,
        message: expect.stringMatching(/unreadable \(no reading me\)/) as string,
      },
    ]);
  });

  it('a refused message changes nothing: the current run goes on under its id', async () => {
    const { posted, dispatch } = setup();
    await dispatch(start({ runId: 1, networks: [{ ...net, epochs: 5000 }] }));
    await dispatch(start({ runId: 2, networks: [{ ...net, lr: NaN }] }));
    await dispatch({ type: 'pause', runId: 1 });
    const statuses = (id: number) => posted.flatMap((m) => (m.type === 'status' && m.runId === id ? [m.status] : []));
    expect(statuses(2)).toEqual(['error']);
    expect(statuses(1).at(-1)).toBe('paused');
    await dispatch({ type: 'cancel', runId: 1 });
    await until(() => statuses(1).at(-1) === 'idle', 'run 1 to be cancelled');
  });

  it('accepts every message the client sends', () => {
    const good: unknown[] = [
      start(),
      start({
        initial: [{ w1: [1, 1], b1: [0, 0], w2: [1, 1], b2: 0 }],
        paused: true,
        stepEpochs: 1,
        epochDelayMs: 8,
        streamLosses: true,
        snapshotEvery: 1_000_000,
      }),
      { type: 'pause', runId: 0 },
      { type: 'resume', runId: 1 },
      { type: 'step', runId: 1 },
      { type: 'cancel', runId: 1 },
      { type: 'compare', runId: 2, networks: [net, { ...net, activation: 'relu', seed: 3 }], data },
      {
        type: 'job',
        jobId: 1,
        chunks: [[net, net], [{ ...net, init: { kernel: 'he_uniform', hiddenBias: 0.1 } }]],
        data,
      },
      { type: 'job', jobId: 2, chunks: [], data },
      { type: 'cancel-job', jobId: 1 },
      { type: 'deep-start', deepId: 1, config: deepConfig, data, snapshotEvery: 5 },
      {
        type: 'deep-start',
        deepId: 1,
        config: deepConfig,
        data,
        snapshotEvery: 5,
        initial: [{ kernels: [[1, 1, 1], new Array(9).fill(1), [1, 1, 1]], biases: [[0, 0, 0], [0, 0, 0], [0]] }],
      },
      { type: 'deep-pause', deepId: 1 },
      { type: 'deep-resume', deepId: 1 },
      { type: 'deep-cancel', deepId: 1 },
    ];
    for (const m of good) expect(checkMessage(structuredClone(m))).toEqual({ ok: true, message: m });
  });
});

describe('engine errors in answer to well-formed requests become error reports', () => {
  const throwing: TrainerFactory = () => {
    throw new RangeError('engine says no');
  };

  it('for a run, a comparison and a job', async () => {
    expect(await replies(start(), throwing)).toEqual([
      { type: 'status', runId: 7, status: 'loading', epoch: 0 },
      { type: 'status', runId: 7, status: 'error', epoch: 0, message: 'engine says no' },
    ]);
    expect(await replies({ type: 'compare', runId: 8, networks: [net], data }, throwing)).toEqual([
      { type: 'status', runId: 8, status: 'error', epoch: 0, message: 'engine says no' },
    ]);
    const job = await replies({ type: 'job', jobId: 2, chunks: [[net]], data }, throwing);
    expect(job.at(-1)).toEqual({ type: 'job-status', jobId: 2, status: 'error', message: 'engine says no' });
  });

  it('for a comparison the batch trainer refuses (networks that cannot share a batch)', async () => {
    const posted = await replies({ type: 'compare', runId: 6, networks: [net, { ...net, hidden: 3 }], data });
    expect(posted).toEqual([
      { type: 'status', runId: 6, status: 'error', epoch: 0, message: expect.stringMatching(/share/) as string },
    ]);
  });

  it('even when posting the report fails, the dispatcher neither throws nor rejects', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { dispatch } = setup(throwing, () => {
      throw new Error('port closed');
    });
    await expect(dispatch(null)).resolves.toBeUndefined();
    await expect(dispatch({ type: 'compare', runId: 1, networks: [net], data })).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

describe('a well-formed run still trains', () => {
  it('to done, with snapshots under its id', async () => {
    const { posted, dispatch } = setup();
    await dispatch(start({ runId: 11 }));
    const statuses = () => posted.flatMap((m) => (m.type === 'status' && m.runId === 11 ? [m.status] : []));
    await until(() => statuses().includes('done'), 'run 11 to finish');
    expect(statuses()).toEqual(['loading', 'training', 'done']);
    expect(posted.flatMap((m) => (m.type === 'update' ? [m.update.epoch] : []))).toEqual([0, 5, 10, 15, 20]);
  });
});
