'use client';

import { useActionState } from 'react';
import { buttonClass, primaryButtonClass } from '@/components/ui/button-styles';
import { Field, inputClass } from '@/components/ui/field';
import type { SchoolActionResult, SchoolFormField } from '@/lib/schools/school-form';

type SchoolAction = (previous: SchoolActionResult | null, form: FormData) => Promise<SchoolActionResult>;

export interface SchoolFieldSpec {
  name: SchoolFormField;
  label: string;
  hint?: string;
  maxLength: number;
  /** Ids and keys are shown in a fixed-width face. */
  mono?: boolean;
  defaultValue?: string;
}

interface SchoolActionFormProps {
  action: SchoolAction;
  /** Unique on the page: the fields' ids are made of it. */
  id: string;
  /** The form's accessible name (添加学校, 改名 阳光小学…). */
  label: string;
  submit: string;
  /** What the form acts on, sent along unseen (the school key, the plan id). */
  hidden?: Partial<Record<SchoolFormField, string>>;
  fields?: readonly SchoolFieldSpec[];
  /** A form of one button among row actions (归档) is small and outlined. */
  compact?: boolean;
}

/**
 * One form of the schools page: a server action as the form's action, so it works before the
 * page's script has loaded. A refusal stands beside its field (what was typed is kept), anything
 * else below the form; a success is announced.
 */
export function SchoolActionForm({ action, id, label, submit, hidden, fields = [], compact }: SchoolActionFormProps) {
  const [state, formAction, pending] = useActionState<SchoolActionResult | null, FormData>(action, null);
  const refused = state && !state.ok ? state : null;
  const besideField = refused?.field && fields.some((field) => field.name === refused.field);
  return (
    <form action={formAction} noValidate aria-label={label} className="flex flex-col gap-2">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={compact ? 'flex flex-wrap items-start gap-2' : 'flex flex-wrap items-start gap-3'}>
        {fields.map((field) => (
          <div key={field.name} className={compact ? 'w-48' : 'w-64'}>
            <Field
              id={`${id}-${field.name}`}
              label={field.label}
              hint={field.hint}
              error={refused?.field === field.name ? refused.error : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  name={field.name}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={field.maxLength}
                  // Keyed by the answer, so a refused form shows what was typed and a done one is fresh.
                  key={state ? JSON.stringify(state) : 'initial'}
                  defaultValue={refused?.values?.[field.name] ?? field.defaultValue ?? ''}
                  className={`${inputClass} ${field.mono ? 'font-mono' : ''}`}
                />
              )}
            </Field>
          </div>
        ))}
        <div className={fields.length > 0 ? 'pt-6' : ''}>
          <button
            type="submit"
            disabled={pending}
            className={compact ? buttonClass('secondary', 'small') : primaryButtonClass}
          >
            {submit}
          </button>
        </div>
      </div>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
      {refused && !besideField && (
        <p role="alert" className="text-sm text-red-700">
          {refused.error}
        </p>
      )}
    </form>
  );
}
