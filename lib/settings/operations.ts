import { type Env, value } from './env';
import { ConfigError } from './errors';

/** What IT's monitoring may read. */
export interface OperationsSettings {
  /** The bearer token Prometheus sends for /metrics; without one, /metrics does not exist (404). */
  readonly metricsToken?: string;
}

/** Long enough that guessing it is hopeless: `openssl rand -hex 16` makes 32 characters. */
const MIN_TOKEN_LENGTH = 16;

/** DASHBOARD_METRICS_TOKEN. */
export function parseOperations(env: Env): OperationsSettings {
  const token = value(env, 'DASHBOARD_METRICS_TOKEN');
  if (token === undefined) return { metricsToken: undefined };
  if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(
      'DASHBOARD_METRICS_TOKEN',
      `should be at least ${MIN_TOKEN_LENGTH} printable characters without spaces (e.g. openssl rand -hex 16)`,
    );
  }
  return { metricsToken: token };
}
