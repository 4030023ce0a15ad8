import { spawn } from 'node:child_process';

/**
 * Starts the production server with an environment and collects how it ended: for the specs of
 * starts that must refuse (a misconfiguration, a database the settings do not allow), one line
 * and exit 1. A server that wrongly keeps running is stopped after 30 s.
 */
export function startUntilExit(
  env: Record<string, string>,
  port: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      // Own process group: a server that wrongly keeps running is stopped with everything under npx.
      detached: true,
    });
    let stderr = '';
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 30_000);
    server.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
