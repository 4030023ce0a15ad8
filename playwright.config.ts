import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The app configured as a merchant, against an independent fake WeChat Pay on FAKE_PORT. */
export const MERCHANT_PORT = PORT + 1;
/** The app in platform-certificate mode whose primary host refuses connections. */
export const CERTIFICATE_MERCHANT_PORT = PORT + 2;
export const FAKE_WECHATPAY_PORT = PORT + 99;

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
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'e2e',
      testIgnore: [/screenshots\.spec\.ts/, /merchant\.spec\.ts/],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    {
      name: 'merchant',
      testMatch: /merchant\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${MERCHANT_PORT}` },
    },
    {
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: [
    {
      command: `npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/contracts`,
      reuseExistingServer: false,
      timeout: 60_000,
      // No merchant configured: the app serves the built-in sandbox, with short time budgets so
      // the slow fault is shown in seconds.
      env: {
        WECHATPAY_MCHID: '',
        WECHATPAY_ATTEMPT_TIMEOUT_MS: '1500',
        WECHATPAY_DEADLINE_MS: '4000',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
    {
      command: `node e2e/merchant/start.mjs ${MERCHANT_PORT} ${FAKE_WECHATPAY_PORT}`,
      url: `http://127.0.0.1:${MERCHANT_PORT}/contracts`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
});
