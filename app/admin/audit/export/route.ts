import type { NextRequest } from 'next/server';
import { auditCsvFilename, auditCsvHeader, auditCsvLine } from '@/lib/audit/csv';
import { auditSearchInput, parseAuditSearch, toAuditFilter } from '@/lib/audit/filter';
import { CSV_BOM, CSV_CONTENT_TYPE } from '@/lib/csv';
import { messages } from '@/lib/messages/zh-CN';
import { auditBatches } from '@/lib/server/audit-export';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import { currentStaff } from '@/lib/server/session';

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The audit trail as CSV, with the page's filters. Admins only, checked here first: a route
 * handler is a public endpoint. Streamed batch by batch, so a long trail never sits in memory.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const staff = await currentStaff();
  if (!staff) return refusal(401, messages.audit.exportUnauthenticated);
  if (staff.role !== 'admin') return refusal(403, messages.audit.exportForbidden);

  const parsed = parseAuditSearch(auditSearchInput(request.nextUrl.searchParams));
  if (!parsed.ok) return refusal(400, messages.audit.exportInvalid);
  const filter = toAuditFilter(parsed.search);
  const { db } = await getStore();
  // The filter, but no openid: the operators' log never holds one.
  logger.info(
    {
      admin: staff.username,
      username: filter.username,
      byOpenid: Boolean(filter.openid),
      from: filter.from,
      to: filter.to,
    },
    'audit trail exported',
  );

  const encoder = new TextEncoder();
  const batches = auditBatches(db, filter);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + auditCsvHeader()));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join('')));
      } catch (error) {
        // The download fails visibly rather than ending early as if it were complete.
        logger.error({ err: String(error) }, 'audit export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${auditCsvFilename(Date.now())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
