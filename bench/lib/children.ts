import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Every process the benchmarks start is registered here and ended when the run ends, whether it
 * ends well, throws, or is interrupted: no server is left behind on the machine.
 */
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, options));
}

/** Ends one child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function killAllNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

let installed = false;

/** Kills every tracked child on exit, on Ctrl-C / SIGTERM, and on an uncaught failure. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    killAllNow();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    killAllNow();
    process.exit(1);
  });
}

/** The benchmarks' ports: 3300–3399 (the e2e tests use 3100–3199). */
export const PORT_RANGE = { first: 3300, last: 3399 } as const;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function freePort(from: number = PORT_RANGE.first): Promise<number> {
  for (let port = from; port <= PORT_RANGE.last; port += 1) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
}

/** Resident set size of a process and its descendants, in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number {
  let total = 0;
  const seen = new Set<number>();
  const visit = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
      if (match) total += Number(match[1]) * 1024;
      const childrenList = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of childrenList ? childrenList.split(/\s+/) : []) visit(Number(child));
    } catch {
      // The process ended between two reads: it holds no memory any more.
    }
  };
  visit(pid);
  return total;
}

/** CPU time (user + system) a process has used so far, ms, from /proc/PID/stat (USER_HZ = 100). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
