import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '@/lib/schools/roles';
import { type SessionCookieRules, sessionTokenOf } from '@/lib/staff/session-cookie';
import { accountDeps, testAuth } from '@/test-support/accounts';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { createAccount, disableAccount } from './account-service';
import { sessionRulesOf } from './auth';
import { readSession, type SessionLife } from './session-read';

const PASSWORD = 'first-password-1';

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  let auth: ReturnType<typeof testAuth>;
  let rules: SessionCookieRules & SessionLife;

  beforeAll(async () => {
    auth = testAuth(store);
    rules = await sessionRulesOf(auth);
  });

  /** A new account signed in through better-auth: the Cookie header its browser would send. */
  async function signedIn(username: string): Promise<{ cookie: string; userId: string }> {
    const made = await createAccount(accountDeps(store), COMMAND_LINE, {
      username,
      password: PASSWORD,
      role: 'staff',
      schools: [],
    });
    if (!made.ok) throw new Error(made.issue);
    const response = await auth.api.signInUsername({ body: { username, password: PASSWORD }, asResponse: true });
    const cookie = response.headers
      .getSetCookie()
      .map((set) => set.split(';')[0])
      .join('; ');
    return { cookie, userId: made.account.id };
  }

  const read = (cookie: string | null, refresh = true, now = Date.now()) =>
    readSession(store.db, rules, cookie, { refresh, now });
  const betterAuthSays = async (cookie: string) =>
    auth.api.getSession({ headers: new Headers({ cookie }), query: { disableRefresh: true } });
  const setExpiry = (userId: string, at: number) =>
    store.db
      .updateTable('session')
      .set({ expiresAt: new Date(at).toISOString() })
      .where('userId', '=', userId)
      .execute();

  it('names the signed-in user and session in one query, as better-auth does', async () => {
    const { cookie, userId } = await signedIn('wu');
    const ours = await read(cookie);
    const theirs = await betterAuthSays(cookie);
    expect(ours).toEqual({
      sessionId: theirs?.session.id,
      userId,
      username: 'wu',
      role: 'staff',
      banned: false,
    });
  });

  it('is nobody for no cookie, or a cookie not signed with our secret (better-auth agrees)', async () => {
    const { cookie } = await signedIn('zheng');
    const forged = cookie.replace(/\.([^.;]{4})/, '.AAAA');
    expect(forged).not.toBe(cookie);
    expect(await read(forged)).toBeNull();
    expect(await betterAuthSays(forged)).toBeNull();
    expect(await read(null)).toBeNull();
    expect(await read('other=1')).toBeNull();
  });

  it('sees a disabled user at once: banned, or with their sessions ended', async () => {
    const banned = await signedIn('feng');
    await store.db
      .updateTable('user')
      .set({ banned: store.type === 'sqlite' ? 1 : true })
      .where('id', '=', banned.userId)
      .execute();
    expect(await read(banned.cookie)).toMatchObject({ userId: banned.userId, banned: true });

    const disabled = await signedIn('han');
    await disableAccount(accountDeps(store), COMMAND_LINE, { username: 'han' });
    expect(await read(disabled.cookie)).toBe('ask');
    expect(await betterAuthSays(disabled.cookie)).toBeNull();
  });

  it('leaves a signed-out, ended or due session to better-auth, which deletes or pushes it on', async () => {
    const signedOut = await signedIn('chen');
    await store.db.deleteFrom('session').where('userId', '=', signedOut.userId).execute();
    expect(await read(signedOut.cookie)).toBe('ask');

    const ended = await signedIn('chu');
    await setExpiry(ended.userId, Date.now() - 1000);
    expect(await read(ended.cookie)).toBe('ask');
    expect(await betterAuthSays(ended.cookie)).toBeNull();

    const due = await signedIn('wei');
    // Pushed on last more than updateAge ago: better-auth would push it on now.
    await setExpiry(due.userId, Date.now() + (rules.expiresInSeconds - rules.updateAgeSeconds - 5) * 1000);
    expect(await read(due.cookie)).toBe('ask');
    // A response already streaming does not push on: it is answered here.
    expect(await read(due.cookie, false)).toMatchObject({ userId: due.userId });
    // Not yet due: answered here.
    await setExpiry(due.userId, Date.now() + (rules.expiresInSeconds - rules.updateAgeSeconds + 60) * 1000);
    expect(await read(due.cookie)).toMatchObject({ userId: due.userId });
  });

  it('leaves a "don\'t remember me" sign-in and a cookie cache to better-auth', async () => {
    const { cookie } = await signedIn('jiang');
    expect(await read(`${cookie}; ${rules.otherCookies[0]}=x`)).toBe('ask');
    expect(await read(`${cookie}; ${rules.otherCookies[1]}.0=x`)).toBe('ask');
  });
});

describe('the signed session cookie', () => {
  const rules = { tokenCookie: 'app.session_token', otherCookies: ['app.dont_remember'], secret: 'k'.repeat(32) };

  it('reads back every token better-call signs, and refuses any other signature', async () => {
    const { serializeSignedCookie } = await import('better-call');
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.integer({ min: 0, max: 43 }),
        async (token, flip) => {
          const set = await serializeSignedCookie(rules.tokenCookie, token, rules.secret);
          const cookie = set.split(';')[0];
          expect(sessionTokenOf(cookie, rules)).toEqual({ token });
          const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
          const dot = value.lastIndexOf('.');
          const signature = value.slice(dot + 1);
          const changed = signature[flip] === 'A' ? 'B' : 'A';
          const tampered = `${value.slice(0, dot + 1 + flip)}${changed}${value.slice(dot + 2 + flip)}`;
          expect(sessionTokenOf(`${rules.tokenCookie}=${encodeURIComponent(tampered)}`, rules)).toBe('forged');
          expect(sessionTokenOf(`${rules.tokenCookie}=${encodeURIComponent(token)}`, rules)).toBe('forged');
        },
      ),
      { numRuns: 200 },
    );
  });
});
