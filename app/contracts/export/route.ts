import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_LOCALE } from '@/i18n/locales';
import { contractsCsv, contractsCsvFilename } from '@/lib/contracts/csv';
import { type ExportEvent, type ExportSearch, exportEvents, walkPlans } from '@/lib/contracts/export-walk';
import type { LookupError } from '@/lib/contracts/failure';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import { allPlansQuerySchema } from '@/lib/contracts/search-input';
import { plansOfSchool, recordSchoolRefusal } from '@/lib/contracts/server/all-plans-lookup';
import { lookupContractsAs } from '@/lib/contracts/server/staff-lookup';
import { recordExportEnd } from '@/lib/operations/server/metrics';
import type { Actor } from '@/lib/schools/roles';
import { schoolChoicesOf } from '@/lib/schools/server/choices';
import { getStore } from '@/lib/server/db/database';
import { inRequest } from '@/lib/server/in-request';
import { boundToRequest } from '@/lib/server/request-context';
import { clientIp, currentStaff, staffOf } from '@/lib/staff/server/session';
import { validate } from '@/lib/validation/validate';

const NDJSON = 'application/x-ndjson; charset=utf-8';

function line(event: ExportEvent): string {
  return `${JSON.stringify(event)}\n`;
}

function refusal(status: number, event: ExportEvent): Response {
  return new Response(line(event), { status, headers: { 'Content-Type': NDJSON, 'Cache-Control': 'no-store' } });
}

/**
 * The plans an export walks: the one plan asked for (named as the clerk's schools name it; whether
 * they may look it up is each lookup's to judge and record), or every live plan of the school the
 * all-plans view searched, decided here as there. A search with no school to go by walks nothing.
 */
async function plansToExport(
  staff: Actor,
  body: Record<string, unknown>,
  clientIp: string | null,
): Promise<{ ok: true; plans: NamedPlan[] } | { ok: false; error: LookupError }> {
  const { db } = await getStore();
  if (body?.plan_id !== undefined) {
    // As sent: a forged value is the lookup's to refuse and to record as it came.
    const planId = body.plan_id as string;
    const named = (await schoolChoicesOf(db, staff)).flatMap((school) => school.plans);
    return { ok: true, plans: [{ planId, name: planName(named, planId) ?? '' }] };
  }
  // Judged before any school is read: a body that is no search is refused as such, whoever sends it.
  const asked = validate(allPlansQuerySchema, { openid: body?.openid, contract_status: body?.contract_status });
  if (!asked.success) return { ok: false, error: { kind: 'invalid_input' } };
  const found = await plansOfSchool(db, staff, typeof body?.school === 'string' ? body.school : undefined);
  if (found.ok) return { ok: true, plans: found.school.plans };
  // Refused before any plan is asked, and recorded as such, like the view's own search.
  if (!(await recordSchoolRefusal(db, staff, asked.data, found.refusal, clientIp, 'export'))) {
    return { ok: false, error: { kind: 'internal' } };
  }
  return { ok: false, error: { kind: found.refusal === 'no_school' ? 'no_school' : 'invalid_input' } };
}

/**
 * Every contract of one search (one plan, or every plan of a school), page after page, as one CSV file. Each page is an audited,
 * rate-limited lookup like any other (action "export"), made only while the clerk's session still
 * holds. POST with a JSON body only: a form on another site can send neither, so no other site can
 * make a clerk's browser start an export. The walk stops when the browser cancels. The file is in
 * Chinese whatever the page's language, like the audit export: the office's spreadsheets expect it.
 */
export async function POST(request: NextRequest): Promise<Response> {
  return inRequest(() => exportContracts(request));
}

async function exportContracts(request: NextRequest): Promise<Response> {
  const staff = await currentStaff();
  if (!staff) return refusal(401, { type: 'error', error: { kind: 'unauthenticated' }, done: 0 });
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return refusal(415, { type: 'error', error: { kind: 'invalid_input' }, done: 0 });
  }
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    return refusal(400, { type: 'error', error: { kind: 'invalid_input' }, done: 0 });
  }
  const search = { openid: body?.openid, contract_status: body?.contract_status } as ExportSearch;
  const ip = await clientIp();
  const plans = await plansToExport(staff, body, ip);
  if (!plans.ok) return refusal(400, { type: 'error', error: plans.error, done: 0 });
  const t = await getTranslations({ locale: DEFAULT_LOCALE });

  const walk = walkPlans(
    plans.plans,
    search,
    async (query) => {
      const still = await staffOf(request.headers, { refresh: false });
      if (!still) return { ok: false, error: { kind: 'unauthenticated' } };
      return lookupContractsAs(still, query, ip, 'export', request.signal);
    },
    request.signal,
  );
  const events = exportEvents(walk, (rows) => ({
    csv: contractsCsv(t, rows),
    file: contractsCsvFilename(t, String(search.openid), Date.now()),
  }));

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull: boundToRequest(async (controller: ReadableStreamDefaultController<Uint8Array>) => {
      const next = await events.next();
      if (next.done) controller.close();
      else {
        recordExportEnd(next.value);
        controller.enqueue(encoder.encode(line(next.value)));
      }
    }),
    cancel: boundToRequest(async () => {
      recordExportEnd('cancelled');
      await events.return(undefined);
    }),
  });
  return new Response(stream, {
    headers: { 'Content-Type': NDJSON, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
