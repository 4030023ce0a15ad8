/**
 * The sandbox's demo admin: created at start only in sandbox mode when no admin exists and no
 * DASHBOARD_ADMIN_* is given, and shown on the login page there. Never used with a merchant.
 */
export const DEMO_ADMIN = { username: 'demo', password: 'sandbox-demo' } as const;
