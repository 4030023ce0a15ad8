'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { inputClass } from '@/components/ui/field';
import type { SchoolOption, StaffAccount } from '@/lib/staff/account';
import type { AdminActionResult, UserRole } from '@/lib/staff/account-input';
import { runUserRowAction } from '@/lib/staff/server/account-actions';
import { ActionMessage } from './action-message';
import { ResetPasswordControl } from './reset-password-control';
import { SchoolCheckboxes } from './school-checkboxes';

interface UserRowActionsProps {
  user: StaffAccount;
  self: boolean;
  /** The roles the signed-in admin may give. */
  roles: readonly UserRole[];
  /** The schools they may give. */
  schools: readonly SchoolOption[];
}

/**
 * 停用/启用, 更改角色, the account's schools and 重置密码 for one user. Each button keeps its place
 * when its label flips, and is never disabled while working (a disabled button drops keyboard
 * focus); a second press repeats the same idempotent request. On one's own row only 重置密码 is
 * offered, with the reason why.
 */
export function UserRowActions({ user, self, roles, schools }: UserRowActionsProps) {
  const [result, action, pending] = useActionState<AdminActionResult | null, FormData>(runUserRowAction, null);
  const t = useTranslations();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start gap-2">
        {!self && (
          <>
            <form action={action}>
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="intent" value={user.banned ? 'enable' : 'disable'} />
              <button
                type="submit"
                aria-label={t(user.banned ? 'users.enableLabel' : 'users.disableLabel', { name: user.username })}
                className={secondaryButtonClass}
              >
                {user.banned ? t('users.enable') : t('users.disable')}
              </button>
            </form>
            <form action={action} className="flex items-center gap-1.5">
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="intent" value="role" />
              <select
                name="role"
                defaultValue={user.role}
                aria-label={t('users.roleSelectLabel', { name: user.username })}
                className={`${inputClass} w-auto py-1.5`}
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                aria-label={t('users.changeRoleLabel', { name: user.username })}
                className={`${secondaryButtonClass} whitespace-nowrap`}
              >
                {t('users.changeRole')}
              </button>
            </form>
            {schools.length > 0 && (
              <form action={action} aria-label={t('users.schoolsLabel', { name: user.username })}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="intent" value="schools" />
                <div className="flex flex-wrap items-center gap-2">
                  <SchoolCheckboxes schools={schools} checked={user.schools} idPrefix={`schools-${user.id}`} />
                  <button
                    type="submit"
                    aria-label={t('users.saveSchoolsLabel', { name: user.username })}
                    className={`${secondaryButtonClass} whitespace-nowrap`}
                  >
                    {t('users.saveSchools')}
                  </button>
                </div>
              </form>
            )}
          </>
        )}
        <ResetPasswordControl userId={user.id} username={user.username} />
      </div>
      {self && <p className="max-w-md text-xs text-slate-500">{t('users.selfNote')}</p>}
      {pending ? <p className="text-sm text-slate-500">{t('users.working')}</p> : <ActionMessage result={result} />}
    </div>
  );
}
