import * as v from 'valibot';
import type { Problem } from './field-problems';

/** A schema's verdict: the value it made, or its problems with each one's path as field names. */
export type Validated<T> = { success: true; data: T } | { success: false; problems: Problem[] };

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
 * An object schema whose missing fields are told as their own schema tells a value not given:
 * valibot reports a missing key with the object's message, but "openid missing" must read like
 * "openid empty" (openidRequired), whether the field was left out or sent as undefined.
 */
export function fields<const E extends v.ObjectEntries>(entries: E) {
  return v.object(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
    return (field && v.safeParse(field, undefined).issues?.[0]?.message) || issue.message;
  });
}
