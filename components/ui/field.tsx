import type { ReactNode } from 'react';

/** The look of every text input, select and date field; a refused one is outlined in red. */
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm ' +
  'aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500';

/** What a field's control needs to be labelled and described: spread it onto the input. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** The validation message, shown beside the control and announced. */
  error?: string;
  hint?: ReactNode;
  /** Ids of descriptions kept elsewhere on the page (a hint shared by several fields). */
  describedBy?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A validation message beside its field, announced when it appears. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

/** A label, its control, the control's error and hint, wired together for screen readers. */
export function Field({ id, label, error, hint, describedBy, children }: FieldProps) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, describedBy].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      <FieldError id={`${id}-error`} message={error} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
