import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { CONTRACTS_PATH } from '@/lib/paths';
import type { SchoolChoice } from '@/lib/schools/choice';
import { withParams } from '@/lib/url-state';

interface SchoolPickerProps {
  schools: readonly SchoolChoice[];
  /** The school chosen; null: every school (a provider admin's default). */
  chosen: string | null;
  /** Whether "every school" is a choice (a provider admin's). */
  offerAll: boolean;
}

const tabClass =
  'rounded-full border px-3 py-1 text-sm border-slate-300 bg-white hover:bg-slate-50 aria-[current=page]:border-blue-600 aria-[current=page]:bg-blue-50 aria-[current=page]:font-medium aria-[current=page]:text-blue-900';

/**
 * For someone who works for several schools: which school's plans the form offers. Plain links
 * (`?school=KEY`), so the choice works before the page's script has loaded, and the server
 * renders that school's plans only.
 */
export function SchoolPicker({ schools, chosen, offerAll }: SchoolPickerProps) {
  const t = useTranslations('schools.picker');
  if (schools.length < 2) return null;
  const choices = [
    ...(offerAll ? [{ key: null, name: t('all') }] : []),
    ...schools.map((school) => ({ key: school.key, name: school.name })),
  ];
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-1.5">
      <span className="text-sm text-slate-600">{t('label')}</span>
      {choices.map((choice) => (
        <Link
          key={choice.key ?? ''}
          href={choice.key === null ? CONTRACTS_PATH : withParams(CONTRACTS_PATH, { school: choice.key })}
          aria-current={choice.key === chosen ? 'page' : undefined}
          className={tabClass}
        >
          {choice.name}
        </Link>
      ))}
    </nav>
  );
}
