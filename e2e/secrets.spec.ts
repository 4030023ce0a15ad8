import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

/** Words that would mean server secrets or protocol code reached the browser. */
const FORBIDDEN = [
  'PRIVATE KEY',
  'WECHATPAY_PRIVATE_KEY_FILE',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY2-SHA256-RSA2048',
  'wechatpay-signature',
  'node:crypto',
];

test('nothing the browser loads holds key material or signing code', async ({ page }) => {
  const bodies: { url: string; text: string }[] = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/javascript|html|json|text\/x-component|css/.test(type)) {
      bodies.push({ url: response.url(), text: await response.text().catch(() => '') });
    }
  });
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  // A page change goes through the server action: its answer is checked too.
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 21–40 条，共 53 条')).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(bodies.filter((body) => body.url.includes('/_next/static/')).length).toBeGreaterThan(0);
  for (const { url, text } of bodies) {
    for (const word of FORBIDDEN) expect(text.includes(word), `${word} in ${url}`).toBe(false);
  }
});
