import { FieldError } from '@/components/contracts/field-error';
import type { AuditFieldErrors } from '@/lib/audit/filter';
import { messages } from '@/lib/messages/zh-CN';

const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm ' +
  'aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500';

interface AuditFilterFormProps {
  /** The filters as the URL gives them (raw text), so a refused value stays visible beside its message. */
  values: Record<string, string>;
  errors: AuditFieldErrors;
  usernames: string[];
}

function describedBy(field: string, errors: AuditFieldErrors, hint?: string): string | undefined {
  const ids = [errors[field as keyof AuditFieldErrors] ? `${field}-error` : null, hint].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A plain GET form: the filters live in the URL, and it works before (or without) any script. */
export function AuditFilterForm({ values, errors, usernames }: AuditFilterFormProps) {
  const f = messages.audit.filters;
  const chosen = values.username ?? '';
  const options = chosen && !usernames.includes(chosen) ? [chosen, ...usernames] : usernames;
  return (
    <form
      action="/admin/audit"
      method="get"
      aria-label={f.legend}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto_auto_auto]"
    >
      <div>
        <label htmlFor="audit-username" className="mb-1 block text-sm font-medium">
          {f.staff}
        </label>
        <select
          id="audit-username"
          name="username"
          defaultValue={chosen}
          className={inputClass}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={describedBy('username', errors)}
        >
          <option value="">{f.allStaff}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <FieldError id="username-error" message={errors.username} />
      </div>
      <div>
        <label htmlFor="audit-openid" className="mb-1 block text-sm font-medium">
          {f.openid}
        </label>
        <input
          id="audit-openid"
          name="openid"
          defaultValue={values.openid ?? ''}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          aria-invalid={errors.openid ? true : undefined}
          aria-describedby={describedBy('openid', errors)}
        />
        <FieldError id="openid-error" message={errors.openid} />
      </div>
      <div>
        <label htmlFor="audit-from" className="mb-1 block text-sm font-medium">
          {f.from}
        </label>
        <input
          id="audit-from"
          name="from"
          type="date"
          defaultValue={values.from ?? ''}
          className={inputClass}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={describedBy('from', errors, 'audit-date-hint')}
        />
        <FieldError id="from-error" message={errors.from} />
      </div>
      <div>
        <label htmlFor="audit-to" className="mb-1 block text-sm font-medium">
          {f.to}
        </label>
        <input
          id="audit-to"
          name="to"
          type="date"
          defaultValue={values.to ?? ''}
          className={inputClass}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={describedBy('to', errors, 'audit-date-hint')}
        />
        <FieldError id="to-error" message={errors.to} />
      </div>
      <div className="flex items-start gap-2 lg:pt-6">
        <button
          type="submit"
          className="rounded-md bg-blue-600 px-5 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700"
        >
          {f.submit}
        </button>
        <a
          href="/admin/audit"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {f.clear}
        </a>
      </div>
      <p id="audit-date-hint" className="text-xs text-slate-500 md:col-span-2 lg:col-span-5">
        {f.dateHint}
      </p>
    </form>
  );
}
