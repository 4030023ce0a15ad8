import type { AuditRecord } from '@/lib/audit/record';

/** An audit record for tests: a successful lookup of page 2, made at 00:30:05 Beijing time. */
export function record(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: 1,
    at: Date.parse('2026-08-31T16:30:05Z'),
    user_id: 'u1',
    username: 'alice',
    action: 'lookup',
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    plan_id: '101164396123311331',
    contract_status: 'ALL',
    offset: 20,
    limit: 20,
    outcome: 'ok',
    result_count: 20,
    error_code: null,
    request_id: '08F4A2B1C90610',
    client_ip: '10.0.0.8',
    school_key: null,
    subject: null,
    detail: null,
    ...overrides,
  };
}
