'use client';

import { useActionState, useEffect, useRef } from 'react';
import { createStaffUser } from '@/app/admin/users/actions';
import { Field, inputClass } from '@/components/ui/field';
import { messages } from '@/lib/messages/zh-CN';
import { type AdminActionResult, PASSWORD_MAX, USER_ROLES, USERNAME_MAX } from '@/lib/users/input';
import { ActionMessage } from './action-message';

/** 新建用户: the server validates; a refusal keeps what was typed (except the password). */
export function CreateUserForm() {
  const [state, action, pending] = useActionState<AdminActionResult | null, FormData>(createStaffUser, null);
  const c = messages.users.create;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const role = values.role && (USER_ROLES as readonly string[]).includes(values.role) ? values.role : 'staff';
  const form = useRef<HTMLFormElement>(null);

  // After an answer, focus goes where the admin continues: the refused field, or a fresh username.
  useEffect(() => {
    if (!state) return;
    const refused = state.ok ? {} : (state.fieldErrors ?? {});
    const field = state.ok ? 'username' : (['username', 'password', 'role'] as const).find((f) => refused[f]);
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
        {c.legend}
      </h2>
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto_auto]">
        <Field id="new-username" label={c.username} error={errors.username} hint={c.usernameHint}>
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
        <Field id="new-password" label={c.password} error={errors.password} hint={c.passwordHint}>
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
        <Field id="new-role" label={c.role} error={errors.role}>
          {(control) => (
            <select {...control} name="role" defaultValue={role} className={inputClass}>
              {USER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {messages.users.roles[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex items-start md:pt-6">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-blue-600 px-5 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60"
          >
            {pending ? c.submitting : c.submit}
          </button>
        </div>
      </div>
      {/* A field's own problem stands beside it; anything else is said here. */}
      <ActionMessage result={state && !state.ok && Object.keys(errors).length > 0 ? null : state} />
    </form>
  );
}
