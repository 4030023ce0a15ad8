import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';

/**
 * Calling the build's server actions over HTTP as a browser, or a forger, does: a POST to a page
 * with the action's id in Next-Action and its arguments as React encodes them (JSON text, or
 * multipart when a FormData is among them). Test-only; for the security specs.
 */

/** The id of the build's server action exported as `name`. */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

/** A request body: the arguments as JSON text, or a multipart form of [name, value] fields. */
export type ActionBody = { json: string } | { fields: readonly (readonly [string, string])[] };

/** A field list as React sends (previousState, formData): the form's fields under the prefix "_1_". */
export const formArguments = (fields: readonly (readonly [string, string])[]): ActionBody => ({
  fields: [['0', '[{},"$K1"]'], ...fields.map(([name, value]) => [`_1_${name}`, value] as const)],
});

function multipart(fields: readonly (readonly [string, string])[]): { boundary: string; body: Buffer } {
  const boundary = `----security${randomBytes(8).toString('hex')}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '%22')}"\r\n\r\n${value}\r\n`,
  );
  return { boundary, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`) };
}

/** Bytes a body takes: Next.js refuses a body over 1 MB itself (and answers 500), before any action runs. */
export const bodySize = (body: ActionBody) =>
  'json' in body
    ? Buffer.byteLength(body.json)
    : body.fields.reduce((sum, [, value]) => sum + Buffer.byteLength(value), 0);

export interface ActionAnswer {
  status: number;
  /** What the action returned (the payload's row 1), or 'threw' when it threw. */
  value: unknown;
  text: string;
}

export async function callAction(
  api: APIRequestContext,
  origin: string,
  page: string,
  id: string,
  body: ActionBody,
): Promise<ActionAnswer> {
  const headers: Record<string, string> = { 'next-action': id, origin };
  let data: string | Buffer;
  if ('json' in body) {
    headers['content-type'] = 'text/plain;charset=UTF-8';
    data = body.json;
  } else {
    const form = multipart(body.fields);
    headers['content-type'] = `multipart/form-data; boundary=${form.boundary}`;
    data = form.body;
  }
  const response = await api.post(`${origin}${page}`, { headers, data, maxRedirects: 0 });
  const text = await response.text();
  const row = /^1:(.*)$/m.exec(text)?.[1];
  let value: unknown;
  if (row?.startsWith('E')) value = 'threw';
  else if (row !== undefined) value = JSON.parse(row);
  return { status: response.status(), value, text };
}

/**
 * Any JSON value a forged call could carry, as React's reply format writes it (a string that
 * starts with "$" is sent as "$$…", or React would read it as a reference): wrong types, huge and
 * odd strings, prototype keys, nesting.
 */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
/** The fields the actions read, so that forged objects carry them too. */
const FIELD_NAMES = [
  'openid',
  'plan_id',
  'contract_status',
  'offset',
  'limit',
  'username',
  'password',
  'role',
  'userId',
];

export const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'admin',
    'staff',
    'e2e-admin',
    '../..',
    '<script>',
    "'; drop table user;--",
  ),
  fc.integer({ min: 1, max: 100_000 }).map((length) => 'x'.repeat(length)),
);

const escaped = (text: string) => (text.startsWith('$') ? `$${text}` : text);

export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map(escaped),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...FIELD_NAMES), fc.string()), tie('value')), {
        maxLength: 5,
      })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${jsonText(value)}`).join(',')}}`)
      .map((objectText) => ({ raw: objectText })),
  ),
})).value;

/** JSON text for a value from hostileJson (objects are kept as written, so "__proto__" stays a key). */
export function jsonText(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'raw' in value) return String((value as { raw: string }).raw);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** What the server reads from a value's JSON text (React's "$$…" strings back to "$…"). */
export const decoded = (text: string): unknown =>
  JSON.parse(text, (_, item) => (typeof item === 'string' && item.startsWith('$$') ? item.slice(1) : item));

/**
 * A forged JSON call: any argument list. (A body that is no list, not JSON, or over 1 MB is refused
 * by Next.js itself before any action runs, with a 500 of its own: not this app's to answer.)
 */
export const hostileJsonArguments = fc
  .array(hostileJson, { maxLength: 4 })
  .map((args): ActionBody => ({ json: `[${args.map(jsonText).join(',')}]` }));

/**
 * A forged form for an action with these field names: each field missing, repeated (an array where
 * a string belongs), huge, odd or prototype-named, and stray fields besides.
 */
export function hostileForm(names: readonly string[], always: Record<string, fc.Arbitrary<string>> = {}) {
  const field = (name: string) =>
    (always[name] ?? hostileText).chain((value) =>
      fc.constantFrom<(readonly [string, string])[]>(
        [],
        [[name, value]],
        [
          [name, value],
          [name, `${value}2`],
        ],
      ),
    );
  return fc
    .tuple(
      fc.tuple(...names.map(field)),
      fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), hostileText), { maxLength: 2 }),
    )
    .map(([fields, stray]) => formArguments([...fields.flat(), ...stray]));
}
