import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startScriptNodeOptions } from '@/test-support/start-script';
import { E2E_ADMIN } from '../playwright.config';
import { ZHANG } from './fixtures';
import { type OwnServer, ownPort, startOwnServer } from './spawn-server';

/**
 * The guide's nginx site (docs/deploy/nginx-dashboard.conf) as written, with only its names
 * replaced for this machine: Debian's nginx accepts it (`nginx -t`), and, run on loopback ports
 * with a self-signed certificate, it proxies to a sandbox server set up as the guide says (it
 * leaves compression to nginx): /readyz through TLS, a page compressed by nginx, the HTTP listener
 * redirecting to HTTPS.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const APP_OFFSET = 40;
const NGINX_ADDRESS = '127.0.0.2';
const HTTP_PORT = PORT + 60;
const HTTPS_PORT = PORT + 61;
const NGINX = '/usr/sbin/nginx';

const dir = mkdtempSync(join(tmpdir(), 'deploy-nginx-'));

function siteFor(): string {
  return (
    readFileSync('docs/deploy/nginx-dashboard.conf', 'utf8')
      .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${ownPort(APP_OFFSET)};`)
      .replaceAll('listen 80;', `listen 127.0.0.1:${HTTP_PORT};`)
      .replaceAll('listen 443 ssl http2;', `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`)
      .replace(/\n\s*listen \[::\]:\d+( ssl http2)?;/g, '')
      .replace('/etc/ssl/dashboard/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/ssl/dashboard/privkey.pem', join(dir, 'key.pem'))
      // nginx connects to the app from another loopback address than the browser's, so the address
      // the app records tells the client (127.0.0.1, as nginx appends it) from nginx itself.
      .replace(
        'proxy_pass http://dashboard_app;',
        `proxy_pass http://dashboard_app;\n        proxy_bind ${NGINX_ADDRESS};`,
      )
  );
}

function writeConfig(): string {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=dashboard.school.example',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(dir, 'site.conf'), siteFor());
  const main = `
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events {}
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include /etc/nginx/mime.types;
  include ${join(dir, 'site.conf')};
}
`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] }, ignoreHTTPSErrors: true });

let config: string;
let nginx: ReturnType<typeof spawn> | undefined;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  config = writeConfig();
  app = await startOwnServer(APP_OFFSET, {
    DASHBOARD_COMPRESS: 'off',
    DASHBOARD_TRUSTED_PROXIES: '1',
    // The public origin differs from the Host nginx passes only by this test's port.
    DASHBOARD_ALLOWED_ORIGINS: `127.0.0.1:${HTTPS_PORT}`,
  });
});

test.afterAll(async () => {
  nginx?.kill('SIGTERM');
  await app?.stop();
});

test('the app compresses when reached directly, and leaves it to the proxy with DASHBOARD_COMPRESS=off', async ({
  request,
}) => {
  const direct = await request.get(`http://127.0.0.1:${PORT}/login`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(direct.headers()['content-encoding']).toBe('gzip');
  const behind = await request.get(`${app.url}/login`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(behind.status()).toBe(200);
  expect(behind.headers()['content-encoding']).toBeUndefined();
});

test("the guide's systemd unit gives the server the node options of `npm start`", () => {
  // The memory limit keeps the heap near what is alive; the benchmarks measure the server with it.
  const options = startScriptNodeOptions();
  expect(options).toContain('--max-old-space-size=');
  expect(readFileSync('docs/deploy.md', 'utf8')).toContain(`Environment=NODE_OPTIONS=${options}\n`);
});

test("Debian's nginx accepts the guide's site", () => {
  const result = spawnSync(NGINX, ['-t', '-c', config, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  expect(result.stderr).toContain('syntax is ok');
  expect(result.status).toBe(0);
});

test('proxies the app through TLS, compressed, and sends plain HTTP to HTTPS', async ({ request }) => {
  nginx = spawn(NGINX, ['-c', config, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const https = `https://127.0.0.1:${HTTPS_PORT}`;
  await expect
    .poll(async () => (await request.get(`${https}/readyz`).catch(() => null))?.status(), { timeout: 10_000 })
    .toBe(200);
  const login = await request.get(`${https}/login`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(login.status()).toBe(200);
  expect(login.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(`http://127.0.0.1:${HTTP_PORT}/readyz`, { maxRedirects: 0 });
  expect(plain.status()).toBe(301);
  expect(plain.headers().location).toBe(`https://127.0.0.1/readyz`);
});

test('a lookup through nginx is recorded with the address nginx saw, not one the client wrote', async ({ browser }) => {
  const https = `https://127.0.0.1:${HTTPS_PORT}`;
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.9' },
  });
  const page = await context.newPage();
  await page.goto(`${https}/login`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  await page.goto(`${https}/contracts?openid=${ZHANG.openid}&plan_id=${ZHANG.plan}`);
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();

  await page.goto(`${https}/admin/audit?openid=${ZHANG.openid}`);
  const row = page.getByRole('table', { name: '查询记录（最新的在前）' }).locator('tbody tr').first();
  await expect(row).toContainText('127.0.0.1');
  await expect(row).not.toContainText(NGINX_ADDRESS);
  await expect(row).not.toContainText('203.0.113.9');
  await context.close();
});
