'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getStore } from '@/lib/server/db/database';
import { countHit, currentHits } from '@/lib/server/rate-limit';
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

const credentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  next: z.string().max(2048).optional(),
});

/** Sign-in is the one action open to anyone, so its attempts are limited per username and per address. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse({
    username: form.get('username'),
    password: form.get('password'),
    next: form.get('next') ?? undefined,
  });
  if (!parsed.success) return { error: 'missing', username: String(form.get('username') ?? '') };
  const { username, password, next } = parsed.data;

  const { db } = await getStore();
  // Only failed attempts count: staff who sign in often are never locked out by their successes.
  const ip = await clientIp();
  const keys = [`login-user:${username.toLowerCase()}`, ...(ip ? [`login-ip:${ip}`] : [])];
  const limits = [ATTEMPTS_PER_USERNAME, ATTEMPTS_PER_IP];
  const used = await Promise.all(keys.map((key) => currentHits(db, key, WINDOW_MS)));
  if (used.some((count, index) => count >= limits[index])) return { error: 'tooMany', username };

  const auth = await getAuth();
  try {
    await auth.api.signInUsername({ body: { username, password }, headers: await headers() });
  } catch (error) {
    await Promise.all(keys.map((key) => countHit(db, key, WINDOW_MS)));
    const code = (error as { body?: { code?: string } }).body?.code ?? '';
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
