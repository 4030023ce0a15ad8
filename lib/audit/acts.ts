import type { NewAuditRecord } from '@/lib/audit/record';
import type { Origin } from '@/lib/schools/roles';

/**
 * The privileged acts the audit trail records beside lookups, under these `action` names:
 * whoever did them (the actor), to whom or what (subject), when, from where, for which school.
 */
export const PRIVILEGED_ACTS = [
  'account_create',
  'account_disable',
  'account_enable',
  'account_role',
  'account_schools',
  'account_password',
  'school_add',
  'school_rename',
  'school_wechat_id',
  'school_archive',
  'plan_add',
  'plan_rename',
  'plan_archive',
  'audit_export',
  'diagnostics',
  'roster_imported',
  'roster_deleted',
] as const;
export type PrivilegedAct = (typeof PRIVILEGED_ACTS)[number];

/** Whether a record's action is a privileged act (the audit page reads it as the act it was). */
export function isPrivilegedAct(action: string): action is PrivilegedAct {
  return (PRIVILEGED_ACTS as readonly string[]).includes(action);
}

const DETAIL_MAX = 200;

export interface ActFacts {
  subject: string | null;
  /** The school it belongs to; null for a provider-wide act. */
  school: string | null;
  detail?: string | null;
  /** For plan acts: the plan id, in the column lookups use, so a filter by plan finds both. */
  planId?: string | null;
}

/** The audit record of a privileged act done (refused attempts change nothing and are not acts). */
export function actRecord(origin: Origin, act: PrivilegedAct, facts: ActFacts, at = Date.now()): NewAuditRecord {
  return {
    at,
    user_id: origin.actor.userId,
    username: origin.actor.username,
    action: act,
    outcome: 'ok',
    client_ip: origin.from,
    school_key: facts.school,
    subject: facts.subject,
    detail: facts.detail ? facts.detail.slice(0, DETAIL_MAX) : null,
    plan_id: facts.planId ?? null,
    openid: null,
    contract_status: null,
    offset: null,
    limit: null,
    result_count: null,
    error_code: null,
    request_id: null,
  };
}

/**
 * A lookup of one contract by its 签约协议号 (a lookup, not a privileged act): the number is the
 * record's subject, and the contract's openid and plan are recorded only when it was within reach.
 */
export const CONTRACT_LOOKUP = 'contract_lookup';
