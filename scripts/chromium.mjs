// Where Debian's Chromium is and how this project launches it, shared by the browser tests and Lighthouse.
// The background-networking flags keep a closed network from filling the logs with refused connections.

/** CHROME_PATH, else Debian's package location. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags every headless launch uses (as root in CI, hence --no-sandbox). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
