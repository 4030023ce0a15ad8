'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { RosterEntry } from '@/lib/roster/entry';
import { parseRoster } from '@/lib/roster/import/parse-roster';
import { problemText } from '@/lib/roster/import/problem-text';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import { deleteRoster, importRoster, mayManageRoster, type RosterRefusal, rosterFileName } from './roster-import';

/**
 * The parent directory page's actions. Each is a public POST endpoint, so each asks first who is
 * calling and whether they may manage this school's roster, before it reads the file. Previewing
 * stores nothing; importing parses the file sent again (the preview the browser saw is never
 * trusted) and stores it only without a single problem.
 */

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

export type RosterActionResult =
  | { ok: true; message: string }
  | { ok: false; error: string; problems?: string[]; moreProblems?: number };

type Text = Awaited<ReturnType<typeof getTranslations<'rosterImport'>>>;

interface Request {
  schoolKey: string;
  file: File | null;
}

function requestOf(form: unknown): Request {
  // A forged call may send anything, or no form at all: it has no fields then.
  if (!(form instanceof FormData)) return { schoolKey: '', file: null };
  const school = form.get('school');
  const file = form.get('file');
  return { schoolKey: typeof school === 'string' ? school.slice(0, 64) : '', file: file instanceof File ? file : null };
}

const refusal = (t: Text, refused: RosterRefusal, schoolKey: string) => t(`refused.${refused}`, { school: schoolKey });

/** Who may act on the school the form names: their origin for the audit trail, or a refusal. */
async function authorised(t: Text, schoolKey: string) {
  const staff = await currentStaff();
  if (!staff || !mayManageRoster(staff, schoolKey))
    return { ok: false as const, error: refusal(t, 'notAllowed', schoolKey) };
  return { ok: true as const, staff, origin: { actor: staff, from: await clientIp() } };
}

const bytesOf = async (file: File | null) => new Uint8Array(file ? await file.arrayBuffer() : new ArrayBuffer(0));

export async function previewRosterAction(form: FormData): Promise<RosterPreview> {
  const t = await getTranslations('rosterImport');
  const { schoolKey, file } = requestOf(form);
  const who = await authorised(t, schoolKey);
  if (!who.ok) return who;
  try {
    const parsed = await parseRoster(await bytesOf(file));
    return {
      ok: true,
      fileName: rosterFileName(file?.name ?? ''),
      rows: parsed.rows,
      sample: parsed.problemCount === 0 ? parsed.entries.slice(0, PREVIEW_ROWS) : [],
      problems: parsed.problems.map((problem) => problemText(t, problem)),
      moreProblems: parsed.problemCount - parsed.problems.length,
    };
  } catch (error) {
    logger.warn({ action: 'roster-preview', staff: who.staff.username, err: String(error) }, 'roster preview failed');
    return { ok: false, error: t('failed') };
  }
}

export async function importRosterAction(form: FormData): Promise<RosterActionResult> {
  const t = await getTranslations('rosterImport');
  const { schoolKey, file } = requestOf(form);
  const who = await authorised(t, schoolKey);
  if (!who.ok) return who;
  try {
    const fileName = rosterFileName(file?.name ?? '');
    const result = await importRoster(await getStore(), who.origin, schoolKey, fileName, await bytesOf(file));
    if (result.ok) {
      logger.info(
        { action: 'roster-import', staff: who.staff.username, schoolKey, rows: result.rows },
        'roster imported',
      );
      refresh();
      return { ok: true, message: t('imported', { rows: result.rows, replaced: result.replaced }) };
    }
    if ('refused' in result) return { ok: false, error: refusal(t, result.refused, schoolKey) };
    const { problems, problemCount } = result.parsed;
    return {
      ok: false,
      error: t('notImported', { count: problemCount }),
      problems: problems.map((problem) => problemText(t, problem)),
      moreProblems: problemCount - problems.length,
    };
  } catch (error) {
    logger.warn({ action: 'roster-import', staff: who.staff.username, err: String(error) }, 'roster import failed');
    return { ok: false, error: t('failed') };
  }
}

export async function deleteRosterAction(
  _previous: RosterActionResult | null,
  form: FormData,
): Promise<RosterActionResult> {
  const t = await getTranslations('rosterImport');
  const { schoolKey } = requestOf(form);
  const who = await authorised(t, schoolKey);
  if (!who.ok) return who;
  try {
    const result = await deleteRoster(await getStore(), who.origin, schoolKey);
    if (!result.ok) return { ok: false, error: refusal(t, result.refused, schoolKey) };
    logger.info({ action: 'roster-delete', staff: who.staff.username, schoolKey }, 'roster deleted');
    refresh();
    return { ok: true, message: t('deleted', { count: result.deleted }) };
  } catch (error) {
    logger.warn({ action: 'roster-delete', staff: who.staff.username, err: String(error) }, 'roster delete failed');
    return { ok: false, error: t('failed') };
  }
}
