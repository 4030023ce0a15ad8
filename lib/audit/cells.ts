import type { Translator } from '@/i18n/translator';
import { CONTRACT_LOOKUP, isPrivilegedAct } from '@/lib/audit/acts';
import type { AuditRecord } from '@/lib/audit/record';
import { CONTRACT_STATUSES } from '@/lib/contracts/search-input';
import { formatBeijingDateTime } from '@/lib/time/beijing';
// The reference catalog: every language has its keys (i18n/messages.test.ts checks).
import catalog from '@/messages/zh-CN.json';

/**
 * One audit record as the text staff read, column by column: the page's table and the CSV
 * export both take their headers and cells from here, so they always agree. The words come from
 * the caller's translator (the page's language; the CSV's is chosen by the export route).
 */

export const AUDIT_COLUMNS = [
  'at',
  'staff',
  'school',
  'openid',
  'planId',
  'status',
  'page',
  'outcome',
  'requestId',
  'clientIp',
] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];

export type AuditText = Translator<never>;

type OutcomeKey = keyof typeof catalog.audit.outcomes;
const isKnownOutcome = (kind: string): kind is OutcomeKey => Object.hasOwn(catalog.audit.outcomes, kind);

const isStatus = (value: string): value is (typeof CONTRACT_STATUSES)[number] =>
  (CONTRACT_STATUSES as readonly string[]).includes(value);

export function auditHeaders(t: AuditText): string[] {
  return AUDIT_COLUMNS.map((column) => t(`audit.columns.${column}`));
}

/**
 * "成功，N 条", or what went wrong with WeChat's error code when there is one; a page fetched for
 * a CSV export says so. A privileged act reads as what it was, e.g. "创建账号 · zhang-wei（role staff）".
 */
export function outcomeText(
  t: AuditText,
  record: Pick<AuditRecord, 'action' | 'outcome' | 'result_count' | 'error_code'> &
    Partial<Pick<AuditRecord, 'subject' | 'detail'>>,
): string {
  if (isPrivilegedAct(record.action)) {
    const act = t(`audit.acts.${record.action}`);
    const subject = record.subject ?? t('admin.missing');
    return record.detail
      ? t('audit.actDetail', { act, subject, detail: record.detail })
      : t('audit.act', { act, subject });
  }
  if (record.action === CONTRACT_LOOKUP) return contractLookupText(t, record);
  const text = recordOutcome(t, record);
  // A directory search names no openid or plan: what was typed is its subject (lib/roster).
  if (record.action === 'directory_search') {
    return t('audit.directorySearch', { text: record.subject ?? t('admin.missing'), outcome: text });
  }
  return record.action === 'export' ? t('audit.exported', { outcome: text }) : text;
}

function recordOutcome(t: AuditText, record: Pick<AuditRecord, 'outcome' | 'result_count' | 'error_code'>): string {
  if (record.outcome === 'ok') return t('audit.ok', { count: record.result_count ?? 0 });
  // A kind the messages do not name yet (recorded by a newer version) still reads sensibly.
  const label = isKnownOutcome(record.outcome)
    ? t(`audit.outcomes.${record.outcome}`)
    : t('audit.unknownOutcome', { kind: record.outcome });
  return record.error_code ? t('audit.withCode', { label, code: record.error_code }) : label;
}

/**
 * "按签约协议号 C：…". A contract outside the clerk's schools was asked for (its plan is known only
 * from WeChat's answer) and withheld: said so, rather than "not sent" as for a list lookup.
 */
function contractLookupText(
  t: AuditText,
  record: Pick<AuditRecord, 'outcome' | 'result_count' | 'error_code'> & Partial<Pick<AuditRecord, 'subject'>>,
): string {
  const outcome = record.outcome === 'out_of_scope' ? t('audit.contractOutOfScope') : recordOutcome(t, record);
  return t('audit.contractLookup', { contractId: record.subject ?? t('admin.missing'), outcome });
}

function statusText(t: AuditText, status: string | null): string | null {
  if (status === null) return null;
  return isStatus(status) ? t(`status.${status}`) : status;
}

function pageText(t: AuditText, offset: number | null, limit: number | null): string | null {
  if (offset === null && limit === null) return null;
  return `${offset ?? t('admin.missing')}/${limit ?? t('admin.missing')}`;
}

/** The record's cells in AUDIT_COLUMNS order; null where there is nothing to show. */
export function auditCells(t: AuditText, record: AuditRecord): Record<AuditColumn, string | null> {
  return {
    at: formatBeijingDateTime(Number(record.at)),
    staff: record.username,
    school: record.school_key,
    openid: record.openid,
    planId: record.plan_id,
    status: statusText(t, record.contract_status),
    page: pageText(t, record.offset, record.limit),
    outcome: outcomeText(t, record),
    requestId: record.request_id,
    clientIp: record.client_ip,
  };
}
