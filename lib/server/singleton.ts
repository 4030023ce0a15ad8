import 'server-only';

/**
 * One instance per process. Next.js may load a module in more than one bundle (instrumentation,
 * pages, actions), each with its own module scope: what must exist once (the settings, the
 * database, auth, the WeChat Pay client and its sandbox) lives on globalThis under a Symbol.for
 * key, which every bundle shares. Made on first use. A promise is kept whatever it settles to; a
 * `create` that throws leaves nothing behind, so the next call tries again.
 */
export function perProcess<T>(name: string, create: () => T): T {
  const key = Symbol.for(`eduschoolpay-dashboard.${name}`);
  const holder = globalThis as Record<symbol, T>;
  if (!(key in holder)) holder[key] = create();
  return holder[key];
}
