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
  client_ip: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

export interface Database {
  audit_log: AuditTable;
  rate_limit: RateLimitTable;
}

export type DatabaseType = 'sqlite' | 'postgres';
