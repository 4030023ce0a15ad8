'use client';

import { useActionState } from 'react';
import { type SignInState, signIn } from '@/app/login/actions';
import { Field, inputClass } from '@/components/ui/field';
import { messages } from '@/lib/messages/zh-CN';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  const m = messages.login;
  return (
    <form action={action} className="flex flex-col gap-4">
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="username" label={m.username}>
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
      <Field id="password" label={m.password}>
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
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-600 px-5 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60"
      >
        {pending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
