import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startOwnServer } from './spawn-server';

/** What the server keeps on disk is for its own user only, and it says so when the key is not. */
const modeOf = (path: string) => statSync(path).mode & 0o777;

test('a fresh DATA_DIR, its database and the session secret are for the server’s user only', async () => {
  test.setTimeout(90_000);
  const server = await startOwnServer(1);
  try {
    expect(modeOf(server.dataDir)).toBe(0o700);
    for (const file of ['dashboard.sqlite', 'dashboard.sqlite-wal', 'dashboard.sqlite-shm', 'auth-secret']) {
      expect(modeOf(join(server.dataDir, file)), file).toBe(0o600);
    }
  } finally {
    await server.stop();
  }
});

test('a merchant private key that others may read is warned about at start, in one line', async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'security-key-'));
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyFile = join(dir, 'apiclient_key.pem');
  writeFileSync(privateKeyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  chmodSync(privateKeyFile, 0o644);
  writeFileSync(join(dir, 'pub_key.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const server = await startOwnServer(2, {
    WECHATPAY_MCHID: '1230000109',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE',
    WECHATPAY_PRIVATE_KEY_FILE: privateKeyFile,
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01',
    WECHATPAY_PUBLIC_KEY_FILE: join(dir, 'pub_key.pem'),
    // Nothing is asked of WeChat Pay at start in public-key mode.
    WECHATPAY_BASE_URL: 'http://127.0.0.1:9',
  });
  try {
    const warnings = server
      .output()
      .split('\n')
      .filter((line) => line.includes('WECHATPAY_PRIVATE_KEY_FILE is readable by group or others'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(privateKeyFile);
  } finally {
    await server.stop();
  }
});
