import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type Actor, roleOf } from '@/lib/schools/roles';
import { schoolKeysOf } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { requestAddress } from '@/lib/server/request-address';
import { getAuth, sessionRules } from './auth';
import { readSession, type SessionUser } from './session-read';

/**
 * The signed-in staff member behind this request: their role and the keys of their schools, and
 * the session they act in (kept when they reset their own password, which ends their others).
 */
export type Staff = Actor & { sessionId: string };

/**
 * Who is asking, checked against the database on every call: a disabled user or an ended
 * session is nobody, and a changed role or school applies, at once. Server actions are public POST endpoints, so each one asks this
 * itself; a check in a layout would not protect them.
 */
export async function currentStaff(): Promise<Staff | null> {
  return staffOf(await headers());
}

/**
 * The staff member a request's cookies belong to, checked now: a long export asks again before
 * each page, so a disabled account or an ended session stops it. `refresh: false` only reads:
 * once a response is streaming, no cookie can be set any more.
 */
export async function staffOf(requestHeaders: Headers, { refresh = true } = {}): Promise<Staff | null> {
  const { db } = await getStore();
  const read = await readSession(db, await sessionRules(), requestHeaders.get('cookie'), { refresh, now: Date.now() });
  const user = read === 'ask' ? await askBetterAuth(requestHeaders, refresh) : read;
  if (!user || user.banned) return null;
  // Read on every request like the role: a school given or taken away applies at once.
  const schools = await schoolKeysOf(db, user.userId);
  return { userId: user.userId, username: user.username, role: roleOf(user.role), schools, sessionId: user.sessionId };
}

/** better-auth's own getSession, for every case but the plain one (session-read.ts). */
async function askBetterAuth(requestHeaders: Headers, refresh: boolean): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders, query: { disableRefresh: !refresh } });
  if (!session) return null;
  return {
    sessionId: session.session.id,
    userId: session.user.id,
    username: session.user.username ?? session.user.name,
    role: session.user.role ?? null,
    banned: Boolean(session.user.banned),
  };
}

/** For pages: the staff member, or off to the login page (coming back here afterwards). */
export async function requireStaffPage(returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return staff;
}

/**
 * The client's address for the audit trail and sign-in limits: the one the socket saw, or behind
 * DASHBOARD_TRUSTED_PROXIES proxies of our own the one the farthest of them saw, as the request
 * hook found it (lib/server/request-address.ts). Never what the client wrote in X-Forwarded-For.
 * Null when unknown.
 */
export async function clientIp(): Promise<string | null> {
  return requestAddress(await headers());
}

/**
 * For actions and route handlers: the signed-in admin, or null for anyone else (not signed in,
 * disabled, or staff). Every admin action asks this itself, first thing.
 */
export async function currentAdmin(): Promise<Staff | null> {
  const staff = await currentStaff();
  return staff?.role === 'admin' ? staff : null;
}

/**
 * For the users page's actions: whoever may manage accounts at all, a provider admin or a school
 * admin (the account service then checks each change is within their reach); null for anyone else.
 */
export async function currentAccountManager(): Promise<Staff | null> {
  const staff = await currentStaff();
  return staff && staff.role !== 'staff' ? staff : null;
}

/** An admin page's visitor: an admin, or a signed-in staff member who is to be told no. */
export type AdminPageAccess = { ok: true; admin: Staff } | { ok: false; staff: Staff };

/**
 * For admin pages: not signed in → off to the login page (coming back here afterwards); signed in
 * but not an admin → { ok: false }, and the page renders its 403 notice instead of any data.
 */
export async function requireAdminPage(returnTo: string): Promise<AdminPageAccess> {
  const staff = await requireStaffPage(returnTo);
  return staff.role === 'admin' ? { ok: true, admin: staff } : { ok: false, staff };
}
