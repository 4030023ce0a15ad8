'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import * as v from 'valibot';
import { getStore } from '@/lib/server/db/database';
import { countFailures } from '@/lib/server/rate-limit';
import { safeReturnPath } from '@/lib/staff/return-path';
import { getAuth } from './auth';
import { clientIp, currentStaff } from './session';

export interface SignInState {
  /** A key of login.errors in the messages: the form says it in the page's language. */
  error?: 'wrong' | 'disabled' | 'tooMany' | 'missing';
  username?: string;
}

const WINDOW_MS = 15 * 60_000;
const ATTEMPTS_PER_USERNAME = 10;
const ATTEMPTS_PER_IP = 50;

const credentials = v.object({
  username: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  next: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

/**
 * Sign-in is the one action open to anyone, so its failed attempts are limited per username and
 * per address (rate-limit.ts countFailures: counted before the password is checked, given back
 * when it was right).
 */
export async function signIn(_previous: unknown, form: unknown): Promise<SignInState> {
  // A forged call can send anything at all in place of the form.
  if (!(form instanceof FormData)) return { error: 'missing' };
  const parsed = v.safeParse(credentials, {
    username: form.get('username'),
    password: form.get('password'),
    next: form.get('next') ?? undefined,
  });
  if (!parsed.success) {
    const typed = form.get('username');
    return { error: 'missing', username: typeof typed === 'string' ? typed.slice(0, 64) : undefined };
  }
  const { username, password, next } = parsed.output;

  const { db } = await getStore();
  const ip = await clientIp();
  const limits = [
    { key: `login-user:${username.toLowerCase()}`, limit: ATTEMPTS_PER_USERNAME },
    // An address not known (see clientIp) shares one count rather than escaping the limit.
    { key: `login-ip:${ip ?? 'unknown'}`, limit: ATTEMPTS_PER_IP },
  ];
  const auth = await getAuth();
  let refusal: unknown;
  const outcome = await countFailures(db, limits, WINDOW_MS, async () => {
    try {
      await auth.api.signInUsername({ body: { username, password }, headers: await headers() });
      return true;
    } catch (error) {
      refusal = error;
      return false;
    }
  });
  if (outcome === 'limited') return { error: 'tooMany', username };
  if (outcome === 'failed') {
    const code = (refusal as { body?: { code?: string } }).body?.code ?? '';
    return { error: /BANNED/i.test(code) ? 'disabled' : 'wrong', username };
  }
  redirect(safeReturnPath(next));
}

/**
 * Ends the session. Posted as a form (before the page's script runs) it answers with the login
 * page; the script calls it without the form and then loads the login page itself, in full
 * (components/layout/sign-out-form.tsx), so nothing of the session stays in the tab.
 */
export async function signOut(form?: unknown): Promise<void> {
  if (await currentStaff()) {
    const auth = await getAuth();
    await auth.api.signOut({ headers: await headers() });
  }
  if (form instanceof FormData) redirect('/login');
}
