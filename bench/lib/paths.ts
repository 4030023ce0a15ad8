import { join, resolve } from 'node:path';

/** The project's root (bench/lib/../..). */
export const ROOT = resolve(__dirname, '..', '..');
/** Results of the last run: JSON, the table, logs, profiles (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
export const PATHS = {
  nextBin: require.resolve('next/dist/bin/next', { paths: [ROOT] }),
  budget: join(ROOT, 'bench', 'size-budget.json'),
};

/** Debian's Chromium (Playwright cannot download its own here), as the e2e tests launch it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
