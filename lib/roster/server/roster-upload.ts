import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Translator } from '@/i18n/translator';
import type { RosterEntry } from '@/lib/roster/entry';
import { MAX_ROSTER_BYTES } from '@/lib/roster/import/limits';
import { parseRoster } from '@/lib/roster/import/parse-roster';
import { problemText } from '@/lib/roster/import/problem-text';
import { getStore } from '@/lib/server/db/database';
import { isOwnRequest } from '@/lib/server/fetch-site';
import { logger } from '@/lib/server/logger';
import { clientIp, currentStaff, type Staff } from '@/lib/staff/server/session';
import { importRoster, mayManageRoster, refusalText, rosterFileName } from './roster-import';
import type { RosterActionResult } from './roster-import-actions';
import { readAtMost } from './roster-upload-body';

/**
 * POST /admin/roster/upload?school=…&step=preview|import: a parent directory file (家长名册), up
 * to 10 MB, previewed or imported. A route, not a server action: Next.js reads an action's whole
 * body before the action runs, so a large limit there would let anyone make the server read large
 * bodies on every action. Here who is asking, for which school, and from which site is settled
 * from the headers and the address alone, and only then is the body read, and never past the
 * limit. Previewing stores nothing; importing parses the file sent again (the preview the browser
 * saw is never trusted) and stores it only without a single problem.
 */

/** The largest body read: the largest file, and room for the form's boundaries and its other field. */
export const MAX_UPLOAD_BYTES = MAX_ROSTER_BYTES + 1024 * 1024;

/** Rows shown in a preview: enough to see the columns were understood. */
const PREVIEW_ROWS = 10;

export type RosterPreview =
  | {
      ok: true;
      fileName: string;
      rows: number;
      sample: RosterEntry[];
      /** In the page's language, by line; empty when the file can be imported. */
      problems: string[];
      /** Problems beyond those listed. */
      moreProblems: number;
    }
  | { ok: false; error: string };

export type RosterUploadStep = 'preview' | 'import';

type Text = Translator<'rosterImport'>;

const answer = (status: number, body: RosterPreview | RosterActionResult) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function uploadRoster(request: Request): Promise<Response> {
  const t = await getTranslations('rosterImport');
  const url = new URL(request.url);
  const schoolKey = (url.searchParams.get('school') ?? '').slice(0, 64);
  const step = url.searchParams.get('step');
  // Nothing of the body is read until the caller may act on this school from this site.
  const staff = await currentStaff();
  if (!staff) return answer(401, { ok: false, error: refusalText(t, 'notAllowed', schoolKey) });
  if (!mayManageRoster(staff, schoolKey))
    return answer(403, { ok: false, error: refusalText(t, 'notAllowed', schoolKey) });
  const upload = await getTranslations('rosterUpload');
  if (!isOwnRequest(request.headers)) return answer(403, { ok: false, error: upload('crossSite') });
  if (
    (step !== 'preview' && step !== 'import') ||
    !request.headers.get('content-type')?.startsWith('multipart/form-data')
  ) {
    return answer(400, { ok: false, error: upload('notUpload') });
  }
  const tooLarge = () =>
    answer(413, {
      ok: false,
      error: problemText(t, { line: null, kind: 'tooLarge', max: MAX_ROSTER_BYTES / 1024 / 1024 }),
    });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return tooLarge();
  const body = await readAtMost(request.body, MAX_UPLOAD_BYTES);
  if (!body) return tooLarge();

  // A body that is no form, or a form without a file, is refused as such.
  const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } })
    .formData()
    .catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File)) return answer(400, { ok: false, error: upload('notUpload') });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = rosterFileName(file.name);
  try {
    return step === 'preview'
      ? answer(200, await preview(t, fileName, bytes))
      : await importFile(t, staff, schoolKey, fileName, bytes);
  } catch (error) {
    logger.warn({ action: `roster-${step}`, staff: staff.username, err: String(error) }, `roster ${step} failed`);
    return answer(500, { ok: false, error: t('failed') });
  }
}

async function preview(t: Text, fileName: string, bytes: Uint8Array): Promise<RosterPreview> {
  const parsed = await parseRoster(bytes);
  return {
    ok: true,
    fileName,
    rows: parsed.rows,
    sample: parsed.problemCount === 0 ? parsed.entries.slice(0, PREVIEW_ROWS) : [],
    problems: parsed.problems.map((problem) => problemText(t, problem)),
    moreProblems: parsed.problemCount - parsed.problems.length,
  };
}

async function importFile(
  t: Text,
  staff: Staff,
  schoolKey: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<Response> {
  const origin = { actor: staff, from: await clientIp() };
  const result = await importRoster(await getStore(), origin, schoolKey, fileName, bytes);
  if (result.ok) {
    logger.info({ action: 'roster-import', staff: staff.username, schoolKey, rows: result.rows }, 'roster imported');
    return answer(200, { ok: true, message: t('imported', { rows: result.rows, replaced: result.replaced }) });
  }
  if ('refused' in result) return answer(403, { ok: false, error: refusalText(t, result.refused, schoolKey) });
  const { problems, problemCount } = result.parsed;
  return answer(422, {
    ok: false,
    error: t('notImported', { count: problemCount }),
    problems: problems.map((problem) => problemText(t, problem)),
    moreProblems: problemCount - problems.length,
  });
}
