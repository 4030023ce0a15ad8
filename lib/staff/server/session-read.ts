import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/server/db/schema';
import { type SessionCookieRules, sessionTokenOf } from '@/lib/staff/session-cookie';

/** The session behind a request and its user, as the dashboard needs them. */
export interface SessionUser {
  sessionId: string;
  userId: string;
  username: string;
  role: string | null;
  banned: boolean;
}

/** What better-auth decides about a session's life: how long it lasts idle, and when use pushes it on. */
export interface SessionLife {
  expiresInSeconds: number;
  updateAgeSeconds: number;
}

/**
 * The signed-in user of a request in one query, read from the database now like better-auth's own
 * getSession (a session signed out or a user disabled a moment ago, on any instance, is nobody).
 * Only the plain case is answered here: a cookie signed with our secret naming a live session
 * that is not yet due to be pushed on. Everything else is `ask`, for better-auth's getSession,
 * which deletes an ended session's cookie, pushes a session on and sets its cookie, as it always
 * has. `refresh: false` (a response already streaming) never pushes on, so it is never due.
 */
export async function readSession(
  db: Kysely<Database>,
  rules: SessionCookieRules & SessionLife,
  cookieHeader: string | null,
  { refresh, now }: { refresh: boolean; now: number },
): Promise<SessionUser | null | 'ask'> {
  const cookie = sessionTokenOf(cookieHeader, rules);
  if (cookie === 'none' || cookie === 'forged') return null;
  if (cookie === 'ask') return 'ask';
  const row = await db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .select([
      'session.id as sessionId',
      'session.expiresAt',
      'user.id as userId',
      'user.username',
      'user.name',
      'user.role',
      'user.banned',
    ])
    .where('session.token', '=', cookie.token)
    .executeTakeFirst();
  if (!row) return 'ask';
  const expiresAt = new Date(row.expiresAt).getTime();
  if (!(expiresAt > now)) return 'ask';
  // better-auth's rule: pushed on once updateAge has passed since it was last pushed on.
  const due = expiresAt - rules.expiresInSeconds * 1000 + rules.updateAgeSeconds * 1000 <= now;
  if (due && refresh) return 'ask';
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    username: row.username ?? row.name,
    role: row.role,
    banned: Boolean(row.banned),
  };
}
