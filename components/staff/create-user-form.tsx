'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { primaryButtonClass } from '@/components/ui/button-styles';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import type { SchoolOption } from '@/lib/staff/account';
import { type AdminActionResult, PASSWORD_MAX, USERNAME_MAX, type UserRole } from '@/lib/staff/account-input';
import { createStaffUser } from '@/lib/staff/server/account-actions';
import { ActionMessage } from './action-message';
import { SchoolCheckboxes } from './school-checkboxes';

interface CreateUserFormProps {
  /** The roles the signed-in admin may give (a school admin: not the provider's). */
  roles: readonly UserRole[];
  /** The schools they may give. */
  schools: readonly SchoolOption[];
}

/** 新建用户: the server validates; a refusal keeps what was typed (except the password). */
export function CreateUserForm({ roles, schools }: CreateUserFormProps) {
  const [state, action, pending] = useActionState<AdminActionResult | null, FormData>(createStaffUser, null);
  const t = useTranslations();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const role = values.role && (roles as readonly string[]).includes(values.role) ? values.role : 'staff';
  const form = useRef<HTMLFormElement>(null);

  // After an answer, focus goes where the admin continues: the refused field, or a fresh username.
  useEffect(() => {
    if (!state) return;
    const refused = state.ok ? {} : (state.fieldErrors ?? {});
    const field = state.ok
      ? 'username'
      : (['username', 'password', 'role', 'schools'] as const).find((f) => refused[f]);
    if (field) form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }, [state]);
  return (
    <form
      ref={form}
      action={action}
      noValidate
      aria-labelledby="create-user-legend"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="create-user-legend" className="text-base font-semibold">
        {t('users.create.legend')}
      </h2>
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto_auto]">
        <Field
          id="new-username"
          label={t('users.create.username')}
          error={errors.username}
          hint={t('users.create.usernameHint')}
        >
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="off"
              spellCheck={false}
              maxLength={USERNAME_MAX}
              required
              defaultValue={values.username ?? ''}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
        <Field
          id="new-password"
          label={t('users.create.password')}
          error={errors.password}
          hint={t('users.create.passwordHint')}
        >
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={PASSWORD_MAX}
              required
              className={inputClass}
            />
          )}
        </Field>
        <Field id="new-role" label={t('users.create.role')} error={errors.role}>
          {(control) => (
            <select {...control} name="role" defaultValue={role} className={inputClass}>
              {roles.map((value) => (
                <option key={value} value={value}>
                  {t(`roles.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex items-start md:pt-6">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? t('users.create.submitting') : t('users.create.submit')}
          </button>
        </div>
      </div>
      <fieldset aria-describedby="new-schools-hint" aria-invalid={errors.schools ? true : undefined}>
        <legend className="mb-1 text-sm font-medium">{t('users.create.schools')}</legend>
        {/* Keyed by the answer, so a refused form shows the ticks sent and a done one is fresh. */}
        <SchoolCheckboxes
          key={JSON.stringify(state)}
          schools={schools}
          checked={values.schools ?? []}
          idPrefix="new-schools"
        />
        <FieldError id="new-schools-error" message={errors.schools} />
        <p id="new-schools-hint" className="mt-1 text-xs text-slate-500">
          {t('users.create.schoolsHint')}
        </p>
      </fieldset>
      {/* A field's own problem stands beside it; anything else is said here. */}
      <ActionMessage result={state && !state.ok && Object.keys(errors).length > 0 ? null : state} />
    </form>
  );
}
