import { useTranslations } from 'next-intl';
import { buttonClass, primaryButtonClass } from '@/components/ui/button-styles';
import { Field, inputClass } from '@/components/ui/field';
import type { AuditFieldErrors } from '@/lib/audit/filter';
import type { SchoolOption } from '@/lib/staff/account';

interface AuditFilterFormProps {
  /** The filters as the URL gives them (raw text), so a refused value stays visible beside its message. */
  values: Record<string, string>;
  errors: AuditFieldErrors;
  usernames: string[];
  /** The schools whose records the reader may filter by (a school admin: their own). */
  schools: readonly SchoolOption[];
}

/** A plain GET form: the filters live in the URL, and it works before (or without) any script. */
export function AuditFilterForm({ values, errors, usernames, schools }: AuditFilterFormProps) {
  const t = useTranslations('audit');
  const problem = (field: keyof AuditFieldErrors) => {
    const key = errors[field];
    return key && t(`validation.${key}`);
  };
  const chosen = values.username ?? '';
  const options = chosen && !usernames.includes(chosen) ? [chosen, ...usernames] : usernames;
  return (
    <form
      action="/admin/audit"
      method="get"
      aria-label={t('filters.legend')}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto_auto_auto]"
    >
      <Field id="audit-username" label={t('filters.staff')} error={problem('username')}>
        {(control) => (
          <select {...control} name="username" defaultValue={chosen} className={inputClass}>
            <option value="">{t('filters.allStaff')}</option>
            {options.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {schools.length > 0 && (
        <Field id="audit-school" label={t('filters.school')} error={problem('school')}>
          {(control) => (
            <select {...control} name="school" defaultValue={values.school ?? ''} className={inputClass}>
              <option value="">{t('filters.allSchools')}</option>
              {schools.map((school) => (
                <option key={school.key} value={school.key}>
                  {school.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="audit-openid" label={t('filters.openid')} error={problem('openid')}>
        {(control) => (
          <input
            {...control}
            name="openid"
            defaultValue={values.openid ?? ''}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <Field id="audit-from" label={t('filters.from')} error={problem('from')} describedBy="audit-date-hint">
        {(control) => (
          <input {...control} name="from" type="date" defaultValue={values.from ?? ''} className={inputClass} />
        )}
      </Field>
      <Field id="audit-to" label={t('filters.to')} error={problem('to')} describedBy="audit-date-hint">
        {(control) => (
          <input {...control} name="to" type="date" defaultValue={values.to ?? ''} className={inputClass} />
        )}
      </Field>
      <div className="flex items-start gap-2 lg:pt-6">
        <button type="submit" className={primaryButtonClass}>
          {t('filters.submit')}
        </button>
        {/* As tall as the button beside it. */}
        <a href="/admin/audit" className={buttonClass('secondary', 'regular')}>
          {t('filters.clear')}
        </a>
      </div>
      <p id="audit-date-hint" className="text-xs text-slate-500 md:col-span-2 lg:col-span-6">
        {t('filters.dateHint')}
      </p>
    </form>
  );
}
