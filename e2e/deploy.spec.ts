import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The guide's nginx site (docs/deploy/nginx-dashboard.conf) as written, with only its names
 * replaced for this machine: Debian's nginx accepts it (`nginx -t`), and, run on loopback ports
 * with a self-signed certificate, it proxies to the sandbox server: /readyz through TLS, a page
 * compressed, the HTTP listener redirecting to HTTPS.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const HTTP_PORT = PORT + 60;
const HTTPS_PORT = PORT + 61;
const NGINX = '/usr/sbin/nginx';

const dir = mkdtempSync(join(tmpdir(), 'deploy-nginx-'));

function siteFor(): string {
  return readFileSync('docs/deploy/nginx-dashboard.conf', 'utf8')
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${PORT};`)
    .replaceAll('listen 80;', `listen 127.0.0.1:${HTTP_PORT};`)
    .replaceAll('listen 443 ssl http2;', `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`)
    .replace(/\n\s*listen \[::\]:\d+( ssl http2)?;/g, '')
    .replace('/etc/ssl/dashboard/fullchain.pem', join(dir, 'cert.pem'))
    .replace('/etc/ssl/dashboard/privkey.pem', join(dir, 'key.pem'));
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

test.beforeAll(() => {
  config = writeConfig();
});

test.afterAll(() => {
  nginx?.kill('SIGTERM');
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
