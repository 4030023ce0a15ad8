import { expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import { directoryQuerySchema } from '@/lib/contracts/search-input';
import { validate } from '@/lib/validation/validate';
import { E2E_ADMIN } from '../playwright.config';
import {
  type ActionAnswer,
  type ActionBody,
  actionId,
  bodySize,
  callAction,
  decoded,
  formArguments,
  hostileForm,
  hostileJsonArguments,
  hostileText,
} from './server-actions';
import { type OwnServer, startOwnServer } from './spawn-server';

/**
 * Every server action, called with hostile bodies (wrong types, huge strings, prototype keys,
 * missing fields, arrays where strings belong), by a signed-in admin and by nobody: each answers
 * with a clear refusal, never a server error. On a server of its own: the forged sign-ins count
 * against 127.0.0.1. The lookup's bodies, which could reach WeChat, are thrown at the merchant
 * server in security-hostile-routes.spec.ts (queryContracts, queryAllPlans) and
 * contract-by-id-merchant.spec.ts (queryContract), where the fake WeChat Pay counts what arrives.
 */
test.describe.configure({ mode: 'serial' });

let server: OwnServer;
let admin: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  server = await startOwnServer(3);
  admin = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await admin.goto(`${server.url}/login`);
  await admin.getByLabel('用户名').fill(E2E_ADMIN.username);
  await admin.getByLabel('密码').fill(E2E_ADMIN.password);
  await admin.getByRole('button', { name: '登录' }).click();
  await expect(admin).toHaveURL(/\/contracts$/);
});

test.afterAll(async () => {
  await admin?.context().close();
  await server?.stop();
});

const RUNS = { numRuns: 100 };
const notAdminOrStaff = hostileText.filter((role) => role !== 'admin' && role !== 'staff');
/** The sandbox's demo schools: the admin may delete their rosters, so a hostile body never names them. */
const notADemoSchool = hostileText.filter((key) => !['sunshine', 'mingde'].includes(key.trim().toLowerCase()));

/** A directory search the schema refuses, as the first of any argument list (an accepted one would be searched). */
const refusedDirectorySearch = hostileJsonArguments.filter(
  (body) => 'json' in body && !validate(directoryQuerySchema, (decoded(body.json) as unknown[])[0]).success,
);
const refusedAs = (kinds: string[]) => (value: unknown) =>
  (value as { ok?: boolean })?.ok === false &&
  kinds.includes((value as { error?: { kind?: string } }).error?.kind ?? '');

/** Each action: the page it is called on, the form fields it reads, and what a refusal looks like. */
const ACTIONS: {
  name: string;
  page: string;
  fields: string[];
  /** Fields drawn from their own values (never a valid role: a hostile body must not create a user). */
  always?: Record<string, fc.Arbitrary<string>>;
  /** JSON bodies, when not any at all (an action that would act on a valid input gets refused ones only). */
  json?: fc.Arbitrary<ActionBody>;
  refused: (value: unknown) => boolean;
}[] = [
  {
    name: 'signIn',
    page: '/login',
    fields: ['username', 'password', 'next'],
    refused: (value) =>
      ['missing', 'wrong', 'tooMany', 'disabled'].includes((value as { error?: string })?.error ?? ''),
  },
  // The row's disable, enable, role and schools buttons all post to runUserRowAction (by intent).
  ...['createStaffUser', 'runUserRowAction', 'resetStaffPassword'].map((name) => ({
    name,
    page: '/admin/users',
    fields: ['userId', 'username', 'password', 'role', 'intent', 'schools'],
    always: { role: notAdminOrStaff },
    refused: (value: unknown) =>
      (value as { ok?: boolean })?.ok === false && typeof (value as { error?: unknown }).error === 'string',
  })),
  // Both end in nothing for a forged body: the language cookie untouched, or a redirect to /login.
  { name: 'setLocale', page: '/login', fields: ['locale'], refused: (value) => value === '$undefined' },
  { name: 'signOut', page: '/contracts', fields: [], refused: () => true },
  {
    name: 'searchDirectory',
    page: '/contracts',
    fields: ['q', 'school'],
    json: refusedDirectorySearch,
    refused: refusedAs(['invalid_input', 'unauthenticated']),
  },
  {
    name: 'deleteRosterAction',
    page: '/admin/roster',
    fields: ['school'],
    always: { school: notADemoSchool },
    refused: (value) =>
      (value as { ok?: boolean })?.ok === false && typeof (value as { error?: unknown }).error === 'string',
  },
];

function expectRefused(answer: ActionAnswer, refused: (value: unknown) => boolean, what: string) {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.value, `${what} threw`).not.toBe('threw');
  expect(refused(answer.value), `${what} answered ${answer.text.slice(0, 300)}`).toBe(true);
}

for (const action of ACTIONS) {
  test(`${action.name} refuses hostile bodies clearly, signed in or not`, async ({ playwright }) => {
    test.setTimeout(180_000);
    const id = actionId(action.name);
    const anonymous = await playwright.request.newContext();
    const bodies = fc.oneof(action.json ?? hostileJsonArguments, hostileForm(action.fields, action.always));
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (body: ActionBody, signedIn) => {
        fc.pre(bodySize(body) < 900_000);
        const api = signedIn ? admin.request : anonymous;
        // signOut would end the admin's session: it is called by nobody only.
        if (action.name === 'signOut' && signedIn) return;
        const answer = await callAction(api, server.url, action.page, id, body);
        expectRefused(answer, action.refused, action.name);
      }),
      RUNS,
    );
    await anonymous.dispose();
  });
}

test('the admin is still signed in and the accounts are as they were', async ({ playwright }) => {
  // The signed-in calls above got past the admin check: the admin is told of no such user, nobody
  // is told to be an admin first.
  const body = formArguments([
    ['intent', 'disable'],
    ['userId', 'no-such-user'],
  ]);
  const id = actionId('runUserRowAction');
  const anonymous = await playwright.request.newContext();
  const asAdmin = await callAction(admin.request, server.url, '/admin/users', id, body);
  const asNobody = await callAction(anonymous, server.url, '/admin/users', id, body);
  await anonymous.dispose();
  expect(asAdmin.value).toMatchObject({ ok: false });
  expect(asNobody.value).toMatchObject({ ok: false });
  expect((asAdmin.value as { error: string }).error).not.toBe((asNobody.value as { error: string }).error);

  await admin.goto(`${server.url}/admin/users`);
  await expect(admin.getByRole('table')).toBeVisible();
  await expect(admin.getByRole('table').locator('tbody tr')).toHaveCount(1);
});

test('the demo schools’ parent directories are as they were', async () => {
  // The sandbox's demo roster (lib/roster/demo-roster.ts): no hostile delete reached either.
  await admin.goto(`${server.url}/admin/roster?school=sunshine`);
  await expect(admin.getByText('阳光小学的名册现有 5 行。')).toBeVisible();
  await admin.goto(`${server.url}/admin/roster?school=mingde`);
  await expect(admin.getByText('明德中学的名册现有 1 行。')).toBeVisible();
});
