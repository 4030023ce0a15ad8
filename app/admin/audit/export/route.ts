import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_LOCALE } from '@/i18n/locales';
import { actRecord } from '@/lib/audit/acts';
import { auditCsvFilename, auditCsvHeader, auditCsvLine } from '@/lib/audit/csv';
import { auditSearchInput, auditSearchString, parseAuditSearch, toAuditFilter } from '@/lib/audit/filter';
import { auditBatches } from '@/lib/audit/server/export-batches';
import { appendAudit } from '@/lib/audit/server/store';
import { CSV_BOM, CSV_CONTENT_TYPE } from '@/lib/csv';
import { auditSchools, auditScope } from '@/lib/schools/scope';
import { getStore } from '@/lib/server/db/database';
import { isOwnRequest } from '@/lib/server/fetch-site';
import { inRequest } from '@/lib/server/in-request';
import { logger } from '@/lib/server/logger';
import { boundToRequest } from '@/lib/server/request-context';
import { clientIp, currentStaff } from '@/lib/staff/server/session';

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The audit trail as CSV, with the page's filters, within the reader's reach (the provider admin
 * every record, a school admin their schools'), checked here first: a route handler is a public
 * endpoint. The export is itself recorded, in each school's trail it reads, before the first line
 * is sent. Streamed batch by batch, so a long trail never sits in memory.
 * Refusals are in the reader's language; the file itself is always in Chinese (zh-CN), so the
 * office's files read the same, and spreadsheets built on them keep working, whoever exported them.
 *
 * A GET, so any site's link brings the admin's session cookie along: a request another page
 * started is refused before anything is read or logged. The export is the admin's act, logged in
 * their name and reading the whole trail; it starts from the audit page's own link.
 */
export async function GET(request: NextRequest): Promise<Response> {
  return inRequest(() => exportAudit(request));
}

async function exportAudit(request: NextRequest): Promise<Response> {
  const staff = await currentStaff();
  const t = await getTranslations('audit');
  if (!staff) return refusal(401, t('exportUnauthenticated'));
  const scope = auditScope(staff);
  if (!scope) return refusal(403, t('exportForbidden'));
  if (!isOwnRequest(request.headers)) return refusal(403, t('exportCrossSite'));

  const parsed = parseAuditSearch(auditSearchInput(request.nextUrl.searchParams));
  if (!parsed.ok) return refusal(400, t('exportInvalid'));
  const csvText = await getTranslations({ locale: DEFAULT_LOCALE });
  const schools = auditSchools(scope, parsed.search.school);
  const filter = { ...toAuditFilter(parsed.search), schools };
  const { db } = await getStore();
  const origin = { actor: staff, from: await clientIp() };
  const at = Date.now();
  for (const school of schools?.length ? schools : [parsed.search.school ?? null]) {
    const facts = { subject: null, school, detail: auditSearchString(parsed.search) || null };
    await appendAudit(db, actRecord(origin, 'audit_export', facts, at));
  }
  // The filter, but no openid: the operators' log never holds one.
  logger.info(
    {
      admin: staff.username,
      username: filter.username,
      schools: filter.schools,
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
      controller.enqueue(encoder.encode(CSV_BOM + auditCsvHeader(csvText)));
    },
    pull: boundToRequest(async (controller: ReadableStreamDefaultController<Uint8Array>) => {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map((record) => auditCsvLine(csvText, record)).join('')));
      } catch (error) {
        // The download fails visibly rather than ending early as if it were complete.
        logger.error({ err: String(error) }, 'audit export failed');
        controller.error(error);
      }
    }),
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
