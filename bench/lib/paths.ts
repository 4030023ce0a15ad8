import { join, resolve } from 'node:path';

/** The project's root (bench/lib/../..). */
export const ROOT = resolve(__dirname, '..', '..');
/** Results of the last run: JSON, the table, logs, profiles (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
export const PATHS = {
  nextBin: require.resolve('next/dist/bin/next', { paths: [ROOT] }),
  budget: join(ROOT, 'bench', 'size-budget.json'),
};
