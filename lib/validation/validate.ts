import * as v from 'valibot';
import type { Problem } from './field-problems';

/**
 * A schema's verdict: the value it made, or its problems with each one's path as field names
 * (`data` may be read either way, and is absent on failure).
 */
export type Validated<T> = { success: true; data: T } | { success: false; data?: never; problems: Problem[] };

/** Validates `input` with a valibot schema; a problem's path is the keys it leads through. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, data: result.output };
  return {
    success: false,
    problems: result.issues.map((issue) => ({
      path: issue.path?.map((item) => item.key as PropertyKey) ?? [],
      message: issue.message,
    })),
  };
}

/**
 * An object as the answers and searches need it, which valibot's object() is not quite:
 * - an array is refused (valibot takes `[]` for an object whose fields may all be absent);
 * - a missing field is told as its own schema tells a value not given (valibot reports a missing
 *   key with the object's message, but "openid missing" must read like "openid empty").
 */
export function plainObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>((input) => !Array.isArray(input)),
    v.object(entries, (issue) => {
      const key = issue.path?.[0]?.key;
      const field = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
      return (field && v.safeParse(field, undefined).issues?.[0]?.message) || issue.message;
    }),
  );
}
