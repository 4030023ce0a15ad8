'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import { deleteRoster, mayManageRoster, refusalText } from './roster-import';

/**
 * The parent directory page's delete action: a public POST endpoint, so it asks first who is
 * calling and whether they may manage this school's roster. The file itself goes to a route of
 * its own (roster-upload.ts), which reads no body before the same check: an action's body is
 * read whole before the action runs, and actions keep Next.js's 1 MB limit.
 */

export type RosterActionResult =
  | { ok: true; message: string }
  | { ok: false; error: string; problems?: string[]; moreProblems?: number };

/** The school the form names (a forged call may send anything, or no form at all). */
function schoolOf(form: unknown): string {
  const school = form instanceof FormData ? form.get('school') : null;
  return typeof school === 'string' ? school.slice(0, 64) : '';
}

export async function deleteRosterAction(
  _previous: RosterActionResult | null,
  form: FormData,
): Promise<RosterActionResult> {
  const t = await getTranslations('rosterImport');
  const schoolKey = schoolOf(form);
  const staff = await currentStaff();
  if (!staff || !mayManageRoster(staff, schoolKey))
    return { ok: false, error: refusalText(t, 'notAllowed', schoolKey) };
  try {
    const result = await deleteRoster(await getStore(), { actor: staff, from: await clientIp() }, schoolKey);
    if (!result.ok) return { ok: false, error: refusalText(t, result.refused, schoolKey) };
    logger.info({ action: 'roster-delete', staff: staff.username, schoolKey }, 'roster deleted');
    refresh();
    return { ok: true, message: t('deleted', { count: result.deleted }) };
  } catch (error) {
    logger.warn({ action: 'roster-delete', staff: staff.username, err: String(error) }, 'roster delete failed');
    return { ok: false, error: t('failed') };
  }
}
