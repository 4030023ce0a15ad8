// Starts the independent fake WeChat Pay and the production app configured as a merchant in
// WeChat Pay public-key mode against it, with key files written to a temporary folder.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechatPay } from './fake-wechatpay.mjs';

const appPort = Number(process.argv[2] ?? 3101);
const fakePort = Number(process.argv[3] ?? 3199);
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchant = rsa();
const platform = { ...rsa(), id: 'PUB_KEY_ID_0112300001092026112700000000000001' };
const stranger = { ...rsa(), id: 'PUB_KEY_ID_0199999999992026112700000000000009' };

const dir = mkdtempSync(join(tmpdir(), 'merchant-e2e-'));
const keyFile = join(dir, 'apiclient_key.pem');
const pubFile = join(dir, 'pub_key.pem');
writeFileSync(keyFile, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(pubFile, platform.publicKey.export({ type: 'spki', format: 'pem' }));

const mchid = '1230000109';
const merchantSerial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const fake = await startFakeWechatPay({
  port: fakePort,
  mchid,
  merchantSerial,
  merchantPublicKey: merchant.publicKey,
  platform,
  stranger,
});

const app = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(appPort)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WECHATPAY_MCHID: mchid,
    WECHATPAY_MERCHANT_SERIAL_NO: merchantSerial,
    WECHATPAY_PRIVATE_KEY_FILE: keyFile,
    WECHATPAY_PUBLIC_KEY_ID: platform.id,
    WECHATPAY_PUBLIC_KEY_FILE: pubFile,
    WECHATPAY_BASE_URL: fake.url,
    WECHATPAY_BACKUP_BASE_URL: fake.url,
  },
});
const stop = () => {
  app.kill('SIGTERM');
  fake.close();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.on('exit', (code) => process.exit(code ?? 0));
