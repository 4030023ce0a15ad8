import { readFileSync } from 'node:fs';
import { PATHS } from './paths';

export interface SizeBudget {
  route: string;
  /** Upper bound for the route's first-load JavaScript, gzip level 9, bytes. */
  firstLoadJsGzipBytes: number;
}

export function readBudget(): SizeBudget {
  return JSON.parse(readFileSync(PATHS.budget, 'utf8')) as SizeBudget;
}
