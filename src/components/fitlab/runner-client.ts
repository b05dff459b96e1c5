/** Placeholder until src/worker/client.ts lands: fails in words, so the island shows an error, never hangs. */
import type { FitRunner } from './runner';

export function createFitRunner(): FitRunner {
  const fail = () => {
    throw new Error('training engine not available yet');
  };
  return { start: fail, pause() {}, resume() {}, step() {}, cancel() {}, compare: async () => fail(), dispose() {} };
}
