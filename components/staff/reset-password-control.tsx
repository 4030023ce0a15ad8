'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { buttonClass, secondaryButtonClass } from '@/components/ui/button-styles';
import { FieldError } from '@/components/ui/field';
import { type AdminActionResult, PASSWORD_MAX } from '@/lib/staff/account-input';
import { resetStaffPassword } from '@/lib/staff/server/account-actions';
import { ActionMessage } from './action-message';

/**
 * 重置密码: opens a small form for the new password; on success it closes and says so. The
 * opening is the browser's own disclosure (details), so it opens before the page's script has
 * run too, and the form then posts like any other.
 */
export function ResetPasswordControl({ userId, username }: { userId: string; username: string }) {
  const [state, action, pending] = useActionState<AdminActionResult | null, FormData>(resetStaffPassword, null);
  // Open again after a refusal that came back as a new page (a post made without the script).
  const [open, setOpen] = useState(() => state !== null && !state.ok);
  const [seen, setSeen] = useState(state);
  // A refusal stays shown until the form is closed; reopened, it starts clean.
  const [dismissed, setDismissed] = useState<AdminActionResult | null>(null);
  const toggle = useRef<HTMLElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const id = useId();
  const t = useTranslations('users');

  // A new answer: success closes the form (and focus goes back to the button, below).
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setOpen(false);
  }
  useEffect(() => {
    if (state?.ok) toggle.current?.focus();
  }, [state]);
  // Opened: the field the admin just asked for.
  useEffect(() => {
    if (open) password.current?.focus();
  }, [open]);

  const fieldError =
    state && !state.ok && state !== dismissed ? (state.fieldErrors?.password ?? state.error) : undefined;
  function close() {
    setOpen(false);
    setDismissed(state);
    toggle.current?.focus();
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <details
        open={open}
        onToggle={(event) => {
          const opened = event.currentTarget.open;
          if (opened && !open) setOpen(true);
          else if (!opened && open) close();
        }}
      >
        <summary
          ref={toggle}
          aria-label={t('resetPasswordLabel', { name: username })}
          className={`${secondaryButtonClass} w-fit cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
        >
          {t('resetPassword')}
        </summary>
        <form
          action={action}
          noValidate
          className="mt-2 flex flex-wrap items-start gap-2"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <div>
            <label htmlFor={`${id}-password`} className="mb-1 block text-xs font-medium text-slate-700">
              {t('newPasswordLabel', { name: username })}
            </label>
            <input
              ref={password}
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={PASSWORD_MAX}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-error` : undefined}
              className="block w-44 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm aria-invalid:border-red-500"
            />
            <FieldError id={`${id}-error`} message={fieldError} />
          </div>
          {/* As small as the field and the button beside it. */}
          <button type="submit" className={buttonClass('primary', 'small')}>
            {pending ? t('working') : t('confirmReset')}
          </button>
          <button type="button" onClick={close} className={secondaryButtonClass}>
            {t('cancel')}
          </button>
        </form>
      </details>
      {state?.ok && !open && <ActionMessage result={state} />}
    </div>
  );
}
