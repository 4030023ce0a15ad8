/** The environment as the parsers read it: the process's in the app (lib/settings/settings.ts), a literal in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, trimmed; unset, empty and blank all mean "not given". */
export function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}
