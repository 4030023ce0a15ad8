'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import type { StaffAccount } from '@/lib/staff/account';
import type { AdminActionResult } from '@/lib/staff/account-input';
import { runUserRowAction } from '@/lib/staff/server/account-actions';
import { ActionMessage } from './action-message';
import { ResetPasswordControl } from './reset-password-control';

/**
 * 停用/启用, 设为管理员/设为工作人员 and 重置密码 for one user. Each button keeps its place when
 * its label flips, and is never disabled while working (a disabled button drops keyboard focus);
 * a second press repeats the same idempotent request. On one's own row only 重置密码 is offered, with
 * the reason why.
 */
export function UserRowActions({ user, self }: { user: StaffAccount; self: boolean }) {
  const [result, action, pending] = useActionState<AdminActionResult | null, FormData>(runUserRowAction, null);
  const t = useTranslations('users');
  const makeAdmin = user.role !== 'admin';
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
                aria-label={t(user.banned ? 'enableLabel' : 'disableLabel', { name: user.username })}
                className={secondaryButtonClass}
              >
                {user.banned ? t('enable') : t('disable')}
              </button>
            </form>
            <form action={action}>
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="intent" value="role" />
              <input type="hidden" name="role" value={makeAdmin ? 'admin' : 'staff'} />
              <button
                type="submit"
                aria-label={t(makeAdmin ? 'makeAdminLabel' : 'makeStaffLabel', { name: user.username })}
                className={secondaryButtonClass}
              >
                {makeAdmin ? t('makeAdmin') : t('makeStaff')}
              </button>
            </form>
          </>
        )}
        <ResetPasswordControl userId={user.id} username={user.username} />
      </div>
      {self && <p className="max-w-md text-xs text-slate-500">{t('selfNote')}</p>}
      {pending ? <p className="text-sm text-slate-500">{t('working')}</p> : <ActionMessage result={result} />}
    </div>
  );
}
