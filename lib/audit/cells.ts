import { messages } from '@/lib/messages/zh-CN';
import type { AuditRecord } from '@/lib/server/audit';
import { formatBeijingDateTime } from '@/lib/time/beijing';

/**
 * One audit record as the text staff read, column by column: the page's table and the CSV
 * export both take their headers and cells from here, so they always agree.
 */

export const AUDIT_COLUMNS = [
  'at',
  'staff',
  'openid',
  'planId',
  'status',
  'page',
  'outcome',
  'requestId',
  'clientIp',
] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];

const a = messages.audit;

export function auditHeaders(): string[] {
  return AUDIT_COLUMNS.map((column) => a.columns[column]);
}

/**
 * "成功，N 条", or what went wrong in Chinese with WeChat's error code when there is one; a page
 * fetched for a CSV export says so.
 */
export function outcomeText(record: Pick<AuditRecord, 'action' | 'outcome' | 'result_count' | 'error_code'>): string {
  const label = Object.hasOwn(a.outcomes, record.outcome)
    ? a.outcomes[record.outcome]
    : a.unknownOutcome(record.outcome);
  const text =
    record.outcome === 'ok'
      ? a.ok(record.result_count ?? 0)
      : record.error_code
        ? a.withCode(label, record.error_code)
        : label;
  return record.action === 'export' ? a.exported(text) : text;
}

function statusText(status: string | null): string | null {
  if (status === null) return null;
  return Object.hasOwn(a.statusLabels, status) ? a.statusLabels[status] : status;
}

function pageText(offset: number | null, limit: number | null): string | null {
  if (offset === null && limit === null) return null;
  return `${offset ?? messages.admin.missing}/${limit ?? messages.admin.missing}`;
}

/** The record's cells in AUDIT_COLUMNS order; null where there is nothing to show. */
export function auditCells(record: AuditRecord): Record<AuditColumn, string | null> {
  return {
    at: formatBeijingDateTime(Number(record.at)),
    staff: record.username,
    openid: record.openid,
    planId: record.plan_id,
    status: statusText(record.contract_status),
    page: pageText(record.offset, record.limit),
    outcome: outcomeText(record),
    requestId: record.request_id,
    clientIp: record.client_ip,
  };
}
