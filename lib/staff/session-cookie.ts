import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseCookies } from 'better-auth/cookies';

/**
 * Reading better-auth's session cookie without better-auth, for the one question every lookup
 * asks first: who is this? better-auth's getSession answers it with a dozen awaits, spans and
 * schema passes, about a quarter of a lookup's own work; most calls are the plain case, a signed
 * cookie naming a live session. Anything else is left to better-auth (see session-read.ts).
 */

/** What this process's better-auth says about its cookies, read from its context once. */
export interface SessionCookieRules {
  /** The session cookie's name, with its __Secure- prefix when the site is https. */
  tokenCookie: string;
  /** Cookies better-auth acts on when present (a "don't remember me" sign-in, a cookie cache). */
  otherCookies: readonly string[];
  secret: string;
}

/**
 * The session token a request's Cookie header carries: `none` when it carries none and nothing
 * else of better-auth's; `forged` when its signature is not ours; `ask` when better-auth must
 * look itself (one of its other cookies is there).
 */
export type CookieToken = { token: string } | 'none' | 'forged' | 'ask';

/**
 * better-call's signed cookie: `token.signature`, the signature the standard base64 of
 * HMAC-SHA-256(secret, token), the whole URL-encoded (parseCookies decodes it).
 */
export function sessionTokenOf(cookieHeader: string | null, rules: SessionCookieRules): CookieToken {
  const cookies = parseCookies(cookieHeader ?? '');
  for (const name of cookies.keys()) {
    if (rules.otherCookies.some((other) => name === other || name.startsWith(`${other}.`))) return 'ask';
  }
  const value = cookies.get(rules.tokenCookie);
  if (!value) return 'none';
  const dot = value.lastIndexOf('.');
  if (dot < 1) return 'forged';
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac('sha256', rules.secret).update(token).digest('base64'));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? { token } : 'forged';
}
