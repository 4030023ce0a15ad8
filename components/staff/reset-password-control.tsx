'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { buttonClass, secondaryButtonClass } from '@/components/ui/button-styles';
import { FieldError } from '@/components/ui/field';
import { type AdminActionResult, PASSWORD_MAX } from '@/lib/staff/account-input';
import { resetStaffPassword } from '@/lib/staff/server/account-actions';
import { ActionMessage } from './action-message';

/** 重置密码: opens a small form for the new password; on success it closes and says so. */
export function ResetPasswordControl({ userId, username }: { userId: string; username: string }) {
  const [state, action, pending] = useActionState<AdminActionResult | null, FormData>(resetStaffPassword, null);
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(state);
  // A refusal stays shown until the form is closed; reopened, it starts clean.
  const [dismissed, setDismissed] = useState<AdminActionResult | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
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

  const fieldError =
    state && !state.ok && state !== dismissed ? (state.fieldErrors?.password ?? state.error) : undefined;
  function close() {
    setOpen(false);
    setDismissed(state);
    toggle.current?.focus();
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        aria-label={t('resetPasswordLabel', { name: username })}
        onClick={() => (open ? close() : setOpen(true))}
        className={secondaryButtonClass}
      >
        {t('resetPassword')}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          action={action}
          noValidate
          className="flex flex-wrap items-start gap-2"
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
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              // biome-ignore lint/a11y/noAutofocus: the field the admin just asked for
              autoFocus
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
      )}
      {state?.ok && !open && <ActionMessage result={state} />}
    </div>
  );
}
