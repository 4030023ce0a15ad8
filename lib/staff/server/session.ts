import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type Actor, roleOf } from '@/lib/schools/roles';
import { schoolKeysOf } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { getSettings } from '@/lib/settings/settings';
import { getAuth } from './auth';

/** The signed-in staff member behind this request: their role and the keys of their schools. */
export type Staff = Actor;

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
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders, query: { disableRefresh: !refresh } });
  if (!session || session.user.banned) return null;
  // Read on every request like the role: a school given or taken away applies at once.
  const schools = await schoolKeysOf((await getStore()).db, session.user.id);
  return {
    userId: session.user.id,
    username: session.user.username ?? session.user.name,
    role: roleOf(session.user.role),
    schools,
  };
}

/** For pages: the staff member, or off to the login page (coming back here afterwards). */
export async function requireStaffPage(returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return staff;
}

/**
 * The client's address for the audit trail and sign-in limits: the right-most X-Forwarded-For
 * entry, i.e. the one added by whoever connected to us (Next.js itself, or the proxy in front),
 * skipping DASHBOARD_TRUSTED_PROXIES further hops of our own. Entries to its left are the
 * client's to write, so they are never trusted.
 */
export async function clientIp(): Promise<string | null> {
  const all = await headers();
  const hops = (all.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const trusted = getSettings().access.trustedProxies;
  return hops[hops.length - 1 - trusted] ?? all.get('x-real-ip') ?? null;
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
