import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { contractIdQuerySchema } from '@/lib/contracts/search-input';
import { validate } from '@/lib/validation/validate';
import { CERTIFICATE_MERCHANT_PORT, FAKE_WECHATPAY_PORT, MERCHANT_PORT, signedIn } from '../playwright.config';
import { contractsUrl, expect, open, test } from './fixtures';
import { actionId, callAction, decoded, hostileJson, jsonText } from './server-actions';

/**
 * A contract by its number against the independent fake WeChat Pay (e2e/merchant), in both key
 * modes: the contract it served, shown as served; an unknown number; a tampered answer refused;
 * and a number refused by validation never asked of WeChat (the fake's request log says so).
 */
const SERVED = '90000000000000000001';

/** What the fake WeChat Pay received: every request target, and what was wrong with it if anything. */
async function wechatLog(page: Page): Promise<{ target: string; problem: string | null }[]> {
  const response = await page.request.get(`http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`);
  return response.json();
}

const byNumber = (contractId: string) => contractsUrl({ contract_id: contractId });
/** Alerts with something to say (Next.js keeps an empty one, its route announcer). */
const failures = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });

async function expectServed(page: Page) {
  await open(page, byNumber(SERVED));
  const contract = page.getByRole('region', { name: `签约协议号 ${SERVED}` });
  await expect(contract).toBeVisible();
  // As the fake served it: M-001, signed, 09:30 Beijing time on 2 February, ids digit for digit.
  await expect(contract.getByText('M-001', { exact: true })).toBeVisible();
  await expect(contract.getByText('已签约')).toBeVisible();
  await expect(contract.getByText('2026-02-02 09:30:00')).toBeVisible();
  await expect(contract.getByText('oMerchantByNumber01', { exact: true })).toBeVisible();
  await expect(contract.getByText('1230000109', { exact: true })).toBeVisible();
}

async function expectTamperedRefused(page: Page, contractId: string) {
  await open(page, byNumber(contractId));
  const alert = page.getByRole('alert', { name: '无法验证微信支付应答的签名' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/FAKE-[0-9a-f]{16}/);
  await expect(page.getByText('M-001')).toHaveCount(0);
}

test('a contract the fake served is shown as served, from a correctly signed request', async ({ page }) => {
  await expectServed(page);
  const asked = (await wechatLog(page)).filter((entry) => entry.target === `/v3/eduschoolpay/contracts/${SERVED}`);
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((entry) => entry.problem !== null)).toEqual([]);
});

test('an unknown number reads as no such contract', async ({ page }) => {
  await open(page, byNumber('90000000000000099999'));
  await expect(page.getByRole('region', { name: '没有找到签约协议号为 90000000000000099999 的签约' })).toBeVisible();
  await expect(failures(page)).toHaveCount(0);
});

for (const contractId of ['cFaultTampered', 'cFaultUnknownKey']) {
  test(`${contractId}: an answer that does not verify shows no contract`, async ({ page }) => {
    await expectTamperedRefused(page, contractId);
  });
}

test('a number refused by validation is never asked of WeChat', async ({ page }) => {
  const refused = ['9000 0001', '../users/oMerchantPath01/contracts', 'x'.repeat(65)];
  for (const contractId of refused) {
    await open(page, byNumber(contractId));
    await expect(page.getByRole('region', { name: /签约协议号/ })).toHaveCount(0);
  }
  const targets = (await wechatLog(page)).map((entry) => entry.target);
  for (const contractId of refused) {
    expect(targets.filter((target) => decodeURIComponent(target).includes(contractId))).toEqual([]);
  }
  expect(targets.filter((target) => target.startsWith('/v3/eduschoolpay/contracts/9000%20'))).toEqual([]);
});

/** Contract numbers hidden where only a careless reader would find them. */
const HIDDEN_NUMBERS = [
  `{"__proto__":{"contract_id":"${SERVED}"}}`,
  `{"constructor":{"prototype":{"contract_id":"${SERVED}"}}}`,
  `{"contract_id":{"toString":"${SERVED}"}}`,
  `{"contract_id":["${SERVED}"]}`,
].map((raw) => ({ raw }));

test('queryContract refuses any input the schema refuses, forged or odd, and nothing reaches WeChat', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = `http://127.0.0.1:${MERCHANT_PORT}`;
  const id = actionId('queryContract');
  const before = (await wechatLog(page)).length;
  const input = fc.oneof(
    fc.constantFrom(...HIDDEN_NUMBERS),
    hostileJson,
    hostileJson.map((value) => ({ raw: `{"contract_id":${jsonText(value)}}` })),
  );
  const refused = input.map(jsonText).filter((text) => !validate(contractIdQuerySchema, decoded(text)).success);
  await fc.assert(
    fc.asyncProperty(refused, async (text) => {
      fc.pre(Buffer.byteLength(text) < 900_000);
      const answer = await callAction(page.request, app, '/contracts', id, { json: `[${text}]` });
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
      expect(answer.value).toEqual({ ok: false, error: { kind: 'invalid_input' } });
    }),
    { numRuns: 100 },
  );
  // Other tests may ask the fake meanwhile (for the numbers above): nothing else by number arrived.
  const since = (await wechatLog(page)).slice(before).map((entry) => entry.target);
  const asked = since.filter((target) => target.startsWith('/v3/eduschoolpay/contracts/'));
  expect(asked.filter((target) => !/^\/v3\/eduschoolpay\/contracts\/(9\d{19}|cFault\w+)$/.test(target))).toEqual([]);
});

test.describe('platform-certificate mode, with the primary host refusing connections', () => {
  test.use({ baseURL: `http://127.0.0.1:${CERTIFICATE_MERCHANT_PORT}`, storageState: signedIn('certificate') });

  test('the served contract arrives through the backup host, verified with the certificate', async ({ page }) => {
    await expectServed(page);
  });

  test('a tampered answer is refused in certificate mode too', async ({ page }) => {
    await expectTamperedRefused(page, 'cFaultTampered');
  });
});
