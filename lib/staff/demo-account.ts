import type { Role } from '@/lib/schools/roles';

/** Every sandbox demo account's password: public on the login page, so never used with a merchant. */
const DEMO_PASSWORD = 'sandbox-demo';

/**
 * The sandbox's demo admin: created at start only in sandbox mode when no admin exists and no
 * DASHBOARD_ADMIN_* is given, and shown on the login page there. Never used with a merchant.
 */
export const DEMO_ADMIN = { username: 'demo', password: DEMO_PASSWORD } as const;

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  /** Keys of the sandbox's demo schools (lib/sandbox DEMO_SCHOOLS). */
  schools: readonly string[];
}

/**
 * A demo account of each role, made with the demo admin and shown beside it: a school admin and
 * a clerk of 阳光小学, and a clerk who works for both demo schools.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { ...DEMO_ADMIN, role: 'admin', schools: [] },
  { username: 'demo-head', password: DEMO_PASSWORD, role: 'school_admin', schools: ['sunshine'] },
  { username: 'demo-clerk', password: DEMO_PASSWORD, role: 'staff', schools: ['sunshine'] },
  { username: 'demo-both', password: DEMO_PASSWORD, role: 'staff', schools: ['sunshine', 'mingde'] },
];
