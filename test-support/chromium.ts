/**
 * Debian's Chromium (Playwright cannot download its own here) and the flags every headless run
 * of it takes on this machine: the e2e specs (playwright.config.ts) and the benchmarks alike.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
