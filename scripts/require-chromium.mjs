#!/usr/bin/env node
// The browser tests drive a real Chromium through playwright-core, which ships no browser of its own.
// Fail early, with the fix in the message, instead of deep inside a test.
import { accessSync, constants } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

const candidate = CHROMIUM_PATH;
try {
  accessSync(candidate, constants.X_OK);
} catch {
  const lines = [
    `The browser tests need Chromium, and none was found at ${candidate}.`,
    'Install it (Debian/Ubuntu):  sudo apt-get install -y chromium',
    'or point CHROME_PATH at an existing Chromium/Chrome binary, e.g.  CHROME_PATH=/path/to/chrome npm test',
  ];
  if (process.env.CHROME_PATH) lines.splice(1, 0, '(CHROME_PATH is set but does not name an executable file.)');
  console.error(lines.join('\n'));
  process.exit(1);
}
