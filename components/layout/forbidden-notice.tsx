import { useTranslations } from 'next-intl';
import { primaryButtonClass } from '@/components/ui/button-styles';
import { Link } from '@/components/ui/link';
import { CONTRACTS_PATH } from '@/lib/paths';
import type { Staff } from '@/lib/staff/server/session';
import { type AdminPlace, AppHeader } from './app-header';

/** What a signed-in staff member who is not an admin sees on an admin page: no data, a way back. */
export function ForbiddenNotice({ staff, current }: { staff: Staff; current: AdminPlace }) {
  const t = useTranslations('admin.forbidden');
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <AppHeader staff={staff} current={current} />
      <main className="rounded-lg border border-amber-300 bg-amber-50 px-5 py-6 text-amber-950">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm">{t('body')}</p>
        <Link href={CONTRACTS_PATH} className={`mt-4 inline-block ${primaryButtonClass}`}>
          {t('back')}
        </Link>
      </main>
    </div>
  );
}
