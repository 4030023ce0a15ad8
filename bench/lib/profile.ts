import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 .cpuprofile (as `node --cpu-prof` writes it) that a self-time summary needs. */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled time in the window, ms, and the part of it the process was idle. */
  totalMs: number;
  idleMs: number;
  /** Share of busy (non-idle) time by where the code comes from (bundles mapped back to sources). */
  buckets: { name: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  top: { name: string; where: string; ms: number; share: number }[];
}

/** A span of the monotonic clock, µs (`process.hrtime.bigint() / 1000n`, as V8 stamps samples). */
export interface Window {
  fromUs: number;
  toUs: number;
}

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * The original source of a position in a built chunk (`.next/server/…js` has a `.js.map` beside
 * it): `lib/staff/server/session.ts`, `node_modules/kysely/…`. Outside the build, the path itself.
 */
function originOf(frame: CallFrame): string {
  const { url } = frame;
  if (!url.startsWith('file://') && !url.startsWith('/')) return url;
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (path.includes('/.next/')) {
    let map = sourceMaps.get(path);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
      } catch {
        map = null;
      }
      sourceMaps.set(path, map);
    }
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    if (entry?.originalSource) return normalize(decodeURIComponent(entry.originalSource));
  }
  return normalize(path);
}

function normalize(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) return source.slice(modules);
  return source
    .replace(/^.*\[project\]\//, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^file:\/\//, '')
    .replace(/^\/.*?\/(lib|app|components|bench)\//, '$1/');
}

/** Where a function's code comes from, in words an engineer can act on. */
function bucketOf(frame: CallFrame, origin: string): string {
  const { functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8/native, unattributed';
  if (!origin) return 'native code (builtins, I/O writes)';
  if (/^node:(internal\/)?crypto/.test(origin)) return 'node:crypto (RSA sign/verify, HMAC, random)';
  if (/^node:(internal\/)?zlib/.test(origin)) return 'node:zlib (response compression)';
  if (/^node:(internal\/)?(http|_http|net|stream|internal\/streams|internal\/http)/.test(origin)) {
    return 'node:http/net/streams';
  }
  if (/^node:(internal\/)?async_hooks/.test(origin)) return 'node:async_hooks (AsyncLocalStorage)';
  if (origin.startsWith('node:')) return 'node: other';
  if (/node_modules\/next\/dist\/compiled\/(react|next-server)/.test(origin)) return 'Next.js + React server runtime';
  if (origin.startsWith('node_modules/next/')) return 'Next.js server';
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(origin)?.[1];
  if (pkg) return `node_modules: ${pkg}`;
  if (/^(lib|app|components)\//.test(origin)) return `project: ${origin}`;
  return `other: ${origin}`;
}

export function summarizeProfile(file: string, window?: Window, topN = 20, bucketsN = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  let idle = 0;
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const origin = originOf(frame);
    const bucket = bucketOf(frame, origin);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const entry = byFunction.get(key) ?? {
      name: frame.functionName || '(anonymous)',
      where: origin || '(native)',
      us: 0,
    };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const busy = total - idle;
  const share = (us: number) => us / busy;
  return {
    file,
    totalMs: total / 1000,
    idleMs: idle / 1000,
    buckets: [...byBucket]
      .map(([name, us]) => ({ name, ms: us / 1000, share: share(us) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, bucketsN),
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: share(f.us) })),
  };
}

/** The main thread's profiles in a --cpu-prof-dir (CPU.<date>.<time>.<pid>.<thread 0>.<seq>.cpuprofile). */
export function profilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

export function formatProfile(summary: ProfileSummary, label: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const busy = summary.totalMs - summary.idleMs;
  const lines = [
    `${label}: ${busy.toFixed(0)} ms busy of ${summary.totalMs.toFixed(0)} ms sampled under load`,
    '  where the busy time goes (self time, bundles mapped back to their sources):',
  ];
  for (const bucket of summary.buckets) lines.push(`    ${pct(bucket.share).padStart(6)}  ${bucket.name}`);
  lines.push('  top functions by self time:');
  for (const fn of summary.top) lines.push(`    ${pct(fn.share).padStart(6)}  ${fn.name}  ${fn.where}`);
  return lines.join('\n');
}
