import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_LOCALE } from '@/i18n/locales';
import { contractsCsv, contractsCsvFilename } from '@/lib/contracts/csv';
import { type ExportEvent, exportEvents, walkContractPages } from '@/lib/contracts/export-walk';
import { lookupContractsAs } from '@/lib/contracts/server/staff-lookup';
import { recordExportEnd } from '@/lib/operations/server/metrics';
import { inRequest } from '@/lib/server/in-request';
import { boundToRequest } from '@/lib/server/request-context';
import { clientIp, currentStaff, staffOf } from '@/lib/staff/server/session';

const NDJSON = 'application/x-ndjson; charset=utf-8';

function line(event: ExportEvent): string {
  return `${JSON.stringify(event)}\n`;
}

function refusal(status: number, event: ExportEvent): Response {
  return new Response(line(event), { status, headers: { 'Content-Type': NDJSON, 'Cache-Control': 'no-store' } });
}

/**
 * Every contract of one search, page after page, as one CSV file. Each page is an audited,
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
  const search = { openid: body?.openid, plan_id: body?.plan_id, contract_status: body?.contract_status };
  const ip = await clientIp();
  const t = await getTranslations({ locale: DEFAULT_LOCALE });

  const walk = walkContractPages(
    search as Parameters<typeof walkContractPages>[0],
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
