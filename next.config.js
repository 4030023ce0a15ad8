const createNextIntlPlugin = require('next-intl/plugin');

/**
 * Security headers on every response. The Content-Security-Policy is not here: it carries a nonce
 * made for each response, so proxy.ts sets it (lib/server/content-security-policy.ts).
 *
 * Referrer-Policy same-origin: a page's address (a search holds a parent's openid) never goes to
 * another site, while the app's own form posts still carry their Origin. With no-referrer the
 * browser sends `Origin: null` on them, and Next.js refuses a server action posted before the
 * page's script has run (sign-in, sign-out, the language and theme switches, the users page).
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Reached directly, the app gzips its answers; behind a proxy that compresses (the deployment
  // guide's nginx), DASHBOARD_COMPRESS=off leaves it to the proxy and saves the app's CPU. Read at
  // `next start`, like the next setting.
  compress: process.env.DASHBOARD_COMPRESS !== 'off',
  // Node's own HTTP stack, logging and database drivers stay out of the server bundle.
  serverExternalPackages: ['undici', 'pino', 'better-sqlite3', 'pg', 'kysely'],
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  experimental: {
    serverActions: {
      // Behind a proxy whose public host differs from the Host header Next.js sees, list the
      // public origin(s) here (comma-separated DASHBOARD_ALLOWED_ORIGINS) or server actions are refused.
      allowedOrigins: (process.env.DASHBOARD_ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    },
  },
};

/**
 * next-intl finds i18n/request.ts. Messages are precompiled at build time, so the browser gets
 * a small formatter instead of an ICU parser (this keeps /contracts within its size budget).
 */
const withNextIntl = createNextIntlPlugin({
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

module.exports = withNextIntl(nextConfig);
