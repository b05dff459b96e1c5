/** Shared by the export tests: Fit Lab settings for a case, and running an exported script in a scratch folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, type FitLabSettings } from '../../../src/core/settings/fit-lab';

export const settingsFor = (patch: Partial<FitLabSettings>): FitLabSettings => ({
  ...DEFAULT_SETTINGS,
  activationParams: {},
  ...patch,
});

export interface Scratch {
  dir: string;
  /** Writes `text` to `name` in the folder and returns its path. */
  write(name: string, text: string): string;
  remove(): void;
}

/**
 * A temporary folder whose node_modules is this repository's, so that an exported `.mjs` resolves
 * `@tensorflow/tfjs` as it would where a reader installed it (ES modules ignore NODE_PATH).
 */
export function scratch(withNodeModules: boolean): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'fitlab-export-'));
  if (withNodeModules)
    symlinkSync(fileURLToPath(new URL('../../../node_modules', import.meta.url)), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024, timeout: 100_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
