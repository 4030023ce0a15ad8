import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ADMIN } from '../playwright.config';

/**
 * A production server of the security specs' own, for what would disturb the shared one (an
 * address locked out of sign-in for 15 minutes, a start-up to watch): sandbox mode, a fresh
 * DATA_DIR, the same first admin. Its ports are E2E_PORT+10 and up, inside each helper's range.
 */
export interface OwnServer {
  url: string;
  dataDir: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export const ownPort = (offset: number) => Number(process.env.E2E_PORT ?? 3100) + 10 + offset;

export async function startOwnServer(offset: number, env: Record<string, string> = {}): Promise<OwnServer> {
  const port = ownPort(offset);
  const dataDir = join(mkdtempSync(join(tmpdir(), 'security-e2e-')), 'data');
  const server: ChildProcess = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      WECHATPAY_MCHID: '',
      DATA_DIR: dataDir,
      DASHBOARD_ADMIN_USERNAME: E2E_ADMIN.username,
      DASHBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
      DASHBOARD_LOOKUPS_PER_MINUTE: '10000',
      ...env,
    },
    // Own process group, so that stopping it stops the server behind npx too.
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${url}/login`)).ok) return { url, dataDir, output: () => output, stop };
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`own server on ${port} did not start:\n${output}`);
}
