'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Translator } from '@/i18n/translator';
import { getStore, type Store } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import { clientIp, currentAdmin } from '@/lib/staff/server/session';
import type { Origin } from '../roles';
import { fieldOf, SCHOOL_FORM_FIELDS, type SchoolActionResult, type SchoolFormField } from '../school-form';
import {
  addPlan,
  addSchool,
  archivePlan,
  archiveSchool,
  renamePlan,
  renameSchool,
  type SchoolResult,
} from './school-service';

/**
 * The schools page's actions. Each is a public POST endpoint, so each asks first whether the
 * caller is a provider admin; the school service checks again, makes the change and its audit
 * record. Refusals come back in the admin's language, beside the field they are about.
 */

type Text = Translator<'schools'>;
type Fields = Partial<Record<SchoolFormField, string>>;

function fieldsOf(form: FormData): Fields {
  const fields: Fields = {};
  // A forged call may send no form at all: it has no fields, and is refused like any other.
  if (!(form instanceof FormData)) return fields;
  for (const name of SCHOOL_FORM_FIELDS) {
    const value = form.get(name);
    if (typeof value === 'string') fields[name] = value.slice(0, 200);
  }
  return fields;
}

async function schoolAction<T>(
  action: string,
  form: FormData,
  change: (store: Store, origin: Origin, fields: Fields) => Promise<SchoolResult<T>>,
  done: (t: Text, value: T) => string,
): Promise<SchoolActionResult> {
  const t = await getTranslations('schools');
  const admin = await currentAdmin();
  if (!admin) return { ok: false, error: t('errors.notAdmin') };
  const values = fieldsOf(form);
  try {
    const result = await change(await getStore(), { actor: admin, from: await clientIp() }, values);
    if (!result.ok) {
      const words = t(`errors.${result.issue}`, { ...values, ...result.values } as never);
      return { ok: false, error: words, field: fieldOf(result.issue), values };
    }
    logger.info({ action, admin: admin.username, ...values }, 'schools changed');
    refresh();
    return { ok: true, message: done(t, result.value) };
  } catch (error) {
    logger.warn({ action, admin: admin.username, err: String(error) }, 'schools change failed');
    return { ok: false, error: t('admin.failed'), values };
  }
}

export async function addSchoolAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'school-add',
    form,
    (store, origin, { key = '', name = '', wechatSchoolId = '' }) =>
      addSchool(store, origin, { key: key.trim(), name, wechatSchoolId: wechatSchoolId.trim() || null }),
    (t, school) => t('admin.done.schoolAdded', { name: school.name }),
  );
}

export async function renameSchoolAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'school-rename',
    form,
    (store, origin, { key = '', name = '' }) => renameSchool(store, origin, key, name),
    (t, school) => t('admin.done.schoolRenamed', { name: school.name }),
  );
}

export async function archiveSchoolAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'school-archive',
    form,
    (store, origin, { key = '' }) => archiveSchool(store, origin, key),
    (t, school) => t('admin.done.schoolArchived', { name: school.name }),
  );
}

export async function addPlanAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'plan-add',
    form,
    (store, origin, { key = '', planId = '', name = '' }) =>
      addPlan(store, origin, { schoolKey: key, planId: planId.trim(), name }),
    (t, plan) => t('admin.done.planAdded', { name: plan.name, planId: plan.planId }),
  );
}

export async function renamePlanAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'plan-rename',
    form,
    (store, origin, { planId = '', name = '' }) => renamePlan(store, origin, planId, name),
    (t, plan) => t('admin.done.planRenamed', { name: plan.name, planId: plan.planId }),
  );
}

export async function archivePlanAction(_previous: SchoolActionResult | null, form: FormData) {
  return schoolAction(
    'plan-archive',
    form,
    (store, origin, { planId = '' }) => archivePlan(store, origin, planId),
    (t, plan) => t('admin.done.planArchived', { name: plan.name, planId: plan.planId }),
  );
}
