'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionMessage } from '@/components/staff/action-message';
import { buttonClass } from '@/components/ui/button-styles';
import { deleteRosterAction, type RosterActionResult } from '@/lib/roster/server/roster-import-actions';

/** 删除名册, asked once more before it is done (it cannot be undone). */
export function DeleteRosterForm({
  schoolKey,
  schoolName,
  size,
}: {
  schoolKey: string;
  schoolName: string;
  size: number;
}) {
  const t = useTranslations('rosterImport');
  const [state, action, pending] = useActionState<RosterActionResult | null, FormData>(deleteRosterAction, null);
  const [asking, setAsking] = useState(false);
  if (!asking || state?.ok) {
    return (
      <div className="flex flex-col gap-2">
        {size > 0 && (
          <div>
            <button type="button" onClick={() => setAsking(true)} className={buttonClass('secondary', 'small')}>
              {t('delete')}
            </button>
          </div>
        )}
        <ActionMessage result={state} />
      </div>
    );
  }
  return (
    <form
      action={action}
      aria-label={t('delete')}
      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 px-4 py-3"
    >
      <input type="hidden" name="school" value={schoolKey} />
      <p className="text-sm text-red-900">{t('deleteConfirm', { school: schoolName, count: size })}</p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass('secondary', 'small')} border-red-300 text-red-800`}
        >
          {t('deleteYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)} className={buttonClass('secondary', 'small')}>
          {t('deleteNo')}
        </button>
      </div>
      <ActionMessage result={state} />
    </form>
  );
}
