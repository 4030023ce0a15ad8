import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './test-support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The app configured as a merchant, against an independent fake WeChat Pay on FAKE_PORT. */
export const MERCHANT_PORT = PORT + 1;
/** The app in platform-certificate mode whose primary host refuses connections. */
export const CERTIFICATE_MERCHANT_PORT = PORT + 2;
export const FAKE_WECHATPAY_PORT = PORT + 99;
/** Where sandbox-demo.spec.ts starts its own app, without a configured first admin. */
export const DEMO_SANDBOX_PORT = PORT + 3;
/** Nothing listens here: the certificate-mode merchant's primary host. */
const REFUSING_PORT = PORT + 98;
/** The merchant the fake WeChat Pay knows; its key files are written to `dir` by the fake. */
const MERCHANT = {
  // Per port: runs on other ports (other worktrees) write their own keys elsewhere.
  dir: join(tmpdir(), `eduschoolpay-e2e-${PORT}-merchant-keys`),
  mchid: '1230000109',
  serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  publicKeyId: 'PUB_KEY_ID_0112300001092026112700000000000001',
  apiV3Key: 'e2eApiV3KeyE2eApiV3KeyE2eApiV3Ke',
};
const merchantEnv = {
  WECHATPAY_MCHID: MERCHANT.mchid,
  WECHATPAY_MERCHANT_SERIAL_NO: MERCHANT.serial,
  WECHATPAY_PRIVATE_KEY_FILE: `${MERCHANT.dir}/apiclient_key.pem`,
};

/**
 * The public-key merchant's data directory: fresh for each run, and known to the specs, so
 * schools.spec.ts can set up schools with the admin command line on the running app's database.
 */
export const MERCHANT_DATA_DIR = join(tmpdir(), `eduschoolpay-e2e-${PORT}-merchant-data`);
/** The sandbox app's data directory, fresh for each run, where specs add clerks with the admin command line. */
export const SANDBOX_DATA_DIR = join(tmpdir(), `eduschoolpay-e2e-${PORT}-sandbox-data`);

/** The first admin every test server is started with, as a school would start it. */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1' };
/** Where the setup project leaves each server's signed-in browser state. */
export const signedIn = (server: 'sandbox' | 'merchant' | 'certificate') => `test-results/.auth/${server}.json`;
const serverEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  DASHBOARD_ADMIN_USERNAME: E2E_ADMIN.username,
  DASHBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
  // The specs look up far faster than a clerk; the per-staff limit has its own test.
  DASHBOARD_LOOKUPS_PER_MINUTE: '10000',
};

/**
 * End-to-end specs against the production build and the built-in sandbox, in Debian's Chromium
 * (Playwright cannot download its own here), in Chinese, in a time zone away from Beijing so
 * that a date shown in the browser's zone instead of Beijing time is caught.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--disable-quic'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'e2e',
      testIgnore: [/screenshots\.spec\.ts/, /merchant\.spec\.ts/, /auth\.setup\.ts/],
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], channel: undefined, storageState: signedIn('sandbox') },
    },
    {
      name: 'merchant',
      testMatch: /merchant\.spec\.ts/,
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        baseURL: `http://127.0.0.1:${MERCHANT_PORT}`,
        storageState: signedIn('merchant'),
      },
    },
    {
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts/,
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        viewport: { width: 1280, height: 900 },
        storageState: signedIn('sandbox'),
      },
    },
  ],
  webServer: [
    {
      // A fresh data directory each run: the first admin is made from DASHBOARD_ADMIN_*.
      command: `rm -rf ${SANDBOX_DATA_DIR} && mkdir -p ${SANDBOX_DATA_DIR} && DATA_DIR=${SANDBOX_DATA_DIR} npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      // No merchant configured: the app serves the built-in sandbox, with short time budgets so
      // the slow fault is shown in seconds.
      env: {
        WECHATPAY_MCHID: '',
        WECHATPAY_ATTEMPT_TIMEOUT_MS: '1500',
        WECHATPAY_DEADLINE_MS: '4000',
        ...serverEnv,
      },
    },
    // The independent fake WeChat Pay, which also writes the merchant's key files…
    {
      command: `node e2e/merchant/fake-server.mjs ${FAKE_WECHATPAY_PORT} ${MERCHANT.dir} ${MERCHANT.mchid} ${MERCHANT.serial} ${MERCHANT.publicKeyId} ${MERCHANT.apiV3Key}`,
      url: `http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // …then a merchant in WeChat Pay public-key mode…
    {
      command: `rm -rf ${MERCHANT_DATA_DIR} && mkdir -p ${MERCHANT_DATA_DIR} && DATA_DIR=${MERCHANT_DATA_DIR} npx next start -H 127.0.0.1 -p ${MERCHANT_PORT}`,
      url: `http://127.0.0.1:${MERCHANT_PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...serverEnv,
        ...merchantEnv,
        WECHATPAY_PUBLIC_KEY_ID: MERCHANT.publicKeyId,
        WECHATPAY_PUBLIC_KEY_FILE: `${MERCHANT.dir}/pub_key.pem`,
        WECHATPAY_BASE_URL: `http://127.0.0.1:${FAKE_WECHATPAY_PORT}`,
        WECHATPAY_BACKUP_BASE_URL: `http://127.0.0.1:${FAKE_WECHATPAY_PORT}`,
      },
    },
    // …and one in platform-certificate mode whose primary host refuses connections.
    {
      command: `DATA_DIR=$(mktemp -d) npx next start -H 127.0.0.1 -p ${CERTIFICATE_MERCHANT_PORT}`,
      url: `http://127.0.0.1:${CERTIFICATE_MERCHANT_PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...serverEnv,
        ...merchantEnv,
        WECHATPAY_APIV3_KEY: MERCHANT.apiV3Key,
        WECHATPAY_BASE_URL: `http://127.0.0.1:${REFUSING_PORT}`,
        WECHATPAY_BACKUP_BASE_URL: `http://127.0.0.1:${FAKE_WECHATPAY_PORT}`,
      },
    },
  ],
});
