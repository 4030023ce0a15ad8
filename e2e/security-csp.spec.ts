import { type APIResponse, test as bare } from '@playwright/test';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

/**
 * Scripts run only when the page's own answer vouches for them: each page comes with a
 * Content-Security-Policy carrying a fresh nonce and 'strict-dynamic', never 'unsafe-inline' or
 * 'unsafe-eval' for scripts, and every script tag in the HTML carries that nonce. An injected
 * inline script (or an inline event handler) has no nonce and does not run.
 */
const PAGES = ['/login', '/contracts', contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }), '/admin/audit'];

/** The directives of a policy by name, each a list of its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

async function nonceOf(response: APIResponse, path: string): Promise<string> {
  const policy = response.headers()['content-security-policy'] ?? '';
  const scripts = directives(policy).get('script-src') ?? [];
  expect(scripts, path).toContain("'strict-dynamic'");
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(directives(policy).get('object-src'), path).toEqual(["'none'"]);
  expect(directives(policy).get('frame-ancestors'), path).toEqual(["'none'"]);
  const nonce = /^'nonce-([A-Za-z0-9+/=_-]{16,})'$/.exec(scripts.find((source) => source.startsWith("'nonce-")) ?? '');
  expect(nonce, `${path}: a nonce in script-src`).not.toBeNull();
  return nonce?.[1] ?? '';
}

test('every page has a fresh nonce in its CSP, and every script tag in its HTML carries it', async ({ page }) => {
  const seen = new Set<string>();
  for (const path of PAGES) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const nonce = await nonceOf(response, path);
    expect(seen.has(nonce), `${path}: a nonce used before`).toBe(false);
    seen.add(nonce);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test('pages still come to life under the policy: a page turn works and nothing is refused', async ({ page }) => {
  const refused: string[] = [];
  await page.exposeFunction('reportRefusal', (what: string) => refused.push(what));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportRefusal: (what: string) => void }).reportRefusal(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 21–40 条，共 53 条')).toBeVisible();
  for (const path of ['/admin/users', '/admin/audit', '/login']) await open(page, path);
  expect(refused).toEqual([]);
});

// Without the fixture that fails on console errors: the refusals are logged there, as they should be.
bare(
  'a script slipped into a page (inline, or as an event handler) does not run; the page’s own do',
  async ({ page }) => {
    // As if the HTML carried an injection: the answer's own policy stays as it came.
    await page.route('**/contracts', async (route) => {
      const response = await route.fetch();
      const injected =
        '<script>window.__injected="script"</script><img hidden src="data:," onerror="window.__injected=\'handler\'">';
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) });
    });
    await open(page, '/contracts');
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? null)).toBeNull();
    // The page's own scripts ran: "/" jumps to the openid field.
    await page.locator('body').press('/');
    await expect(page.getByLabel('查找家长')).toBeFocused();
  },
);
