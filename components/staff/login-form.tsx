'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { primaryButtonClass } from '@/components/ui/button-styles';
import { Field, inputClass } from '@/components/ui/field';
import { type SignInState, signIn } from '@/lib/staff/server/sign-in-actions';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  const t = useTranslations('login');
  return (
    <form action={action} className="flex flex-col gap-4">
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="username" label={t('username')}>
        {(control) => (
          <input
            {...control}
            name="username"
            autoComplete="username"
            required
            defaultValue={state.username}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="password" label={t('password')}>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
          />
        )}
      </Field>
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
