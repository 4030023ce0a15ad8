import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { DirectRun } from '../direct';
import { spawnTracked, stopChild } from './children';
import { ROOT } from './paths';

export interface DirectWorker {
  pid: number;
  run(concurrency: number, seconds: number): Promise<DirectRun>;
  stop(): Promise<void>;
}

/** Starts bench/direct.ts in its own process (same tsx loader as this one) and waits for "ready". */
export async function startDirectWorker(nodeFlags: string[] = []): Promise<DirectWorker> {
  const child: ChildProcess = spawnTracked(
    process.execPath,
    [...process.execArgv, ...nodeFlags, join(ROOT, 'bench', 'direct.ts')],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (!child.stdout || !child.stdin) throw new Error('direct worker has no stdio');
  const lines: Interface = createInterface({ input: child.stdout });
  const pending: ((line: string) => void)[] = [];
  const early: string[] = [];
  lines.on('line', (line) => {
    const waiter = pending.shift();
    if (waiter) waiter(line);
    else early.push(line);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`direct worker exited (code ${code})`))),
  );
  exited.catch(() => {});
  const nextLine = () =>
    Promise.race([
      new Promise<string>((resolve) => {
        const queued = early.shift();
        if (queued !== undefined) resolve(queued);
        else pending.push(resolve);
      }),
      exited,
    ]);

  const first = await nextLine();
  if (first !== 'ready') throw new Error(`direct worker said ${first}`);
  return {
    pid: child.pid ?? -1,
    async run(concurrency, seconds) {
      child.stdin?.write(`${JSON.stringify({ cmd: 'run', concurrency, seconds })}\n`);
      return JSON.parse(await nextLine()) as DirectRun;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.write(`${JSON.stringify({ cmd: 'exit' })}\n`);
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => void stopChild(child), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}
