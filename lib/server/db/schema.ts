import type { Generated } from 'kysely';

/** The project's own tables (better-auth's user, session, account, verification sit beside them). */
export interface AuditTable {
  id: Generated<number>;
  /** Epoch milliseconds. */
  at: number;
  user_id: string;
  username: string;
  /** 'lookup' for a search or a page of one. */
  action: string;
  openid: string | null;
  plan_id: string | null;
  contract_status: string | null;
  offset: number | null;
  limit: number | null;
  /** 'ok' or the failure's kind (invalid_input, unverified, rate_limited…). */
  outcome: string;
  result_count: number | null;
  /** WeChat's error code, when WeChat answered with one. */
  error_code: string | null;
  request_id: string | null;
  /** Where it came from: the client's address, or 'cli' for the admin command line. */
  client_ip: string | null;
  /** The school it belongs to; null on records from before schools, and for provider-wide acts. */
  school_key: string | null;
  /** Whom or what a privileged act touched: a username, a school key, a plan id. */
  subject: string | null;
  /** A privileged act's short particulars, e.g. the new role. */
  detail: string | null;
}

export interface SchoolTable {
  /** a-z, 0-9 and '-', 2–32 characters: chosen by the provider, never changed. */
  key: string;
  name: string;
  /** WeChat's school_id for it, when the provider has one. */
  wechat_school_id: string | null;
  /** Epoch milliseconds; an archived school's staff can look nothing up there any more. */
  archived_at: number | null;
  created_at: number;
}

/** A contract template (WeChat's plan), which belongs to exactly one school. */
export interface PlanTable {
  plan_id: string;
  school_key: string;
  /** The name the office uses (午餐费…), unique within its school. */
  name: string;
  archived_at: number | null;
  created_at: number;
}

/** Which schools a staff member or school admin works for (provider admins need none). */
export interface StaffSchoolTable {
  user_id: string;
  school_key: string;
}

/** One row of a school's parent directory (家长名册, lib/roster): replaced whole by each import. */
export interface RosterEntryTable {
  id: Generated<number>;
  school_key: string;
  /** The line of the imported file it came from (the header is line 1). */
  line: number;
  student_name: string;
  openid: string;
  student_no: string | null;
  class_name: string | null;
  guardian_name: string | null;
  phone: string | null;
}

/**
 * One way a roster row can be found (lib/roster/search-terms.ts: its name, pinyin, student number,
 * class, guardian, phone's last four), in normal form; a search reads the terms a text begins.
 */
export interface RosterTermTable {
  school_key: string;
  term: string;
  entry_id: number;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/**
 * The columns of better-auth's tables (migration 001) that the project reads and writes itself,
 * for account changes that must share one transaction with their audit record. SQLite holds
 * booleans as 0/1 and dates as ISO text; PostgreSQL as boolean and timestamptz.
 */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  username: string | null;
  displayUsername: string | null;
  role: string | null;
  banned: boolean | number | null;
  banReason: string | null;
  banExpires: Date | string | null;
  /** Made while the dashboard ran the sandbox (migration 004): a real merchant must not inherit it unseen. */
  madeInSandbox: boolean | number | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  token: string;
  expiresAt: Date | string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface Database {
  audit_log: AuditTable;
  rate_limit: RateLimitTable;
  school: SchoolTable;
  plan: PlanTable;
  staff_school: StaffSchoolTable;
  roster_entry: RosterEntryTable;
  roster_term: RosterTermTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
}

export type DatabaseType = 'sqlite' | 'postgres';
