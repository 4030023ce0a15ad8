import 'server-only';
import { ConfigError, parseConfig } from './config';
import { getGateway } from './gateway';

/**
 * A misconfiguration stops the start here with one line naming the variable, rather than a stack
 * trace at the first search; in sandbox mode the simulated WeChat Pay starts now, so the first
 * search is as fast as the rest.
 */
export async function startServer(): Promise<void> {
  try {
    parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  await getGateway();
}
