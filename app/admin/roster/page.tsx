import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { DeleteRosterForm } from '@/components/roster/import/delete-roster-form';
import { RosterImportForm } from '@/components/roster/import/roster-import-form';
import { Link } from '@/components/ui/link';
import { rosterSize } from '@/lib/roster/server/roster-store';
import { schoolsInScope } from '@/lib/schools/scope';
import { listSchools } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { requireStaffPage } from '@/lib/staff/server/session';

const PATH = '/admin/roster';

const pillClass =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 aria-[current=page]:border-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white';

/**
 * The parent directory (家长名册) of a school: its size, importing a file (previewed first) and
 * deleting it. For a school admin (their schools) and the provider admin (any live school); staff
 * are told no. Each action checks again on its own.
 */
export default async function RosterPage({ searchParams }: { searchParams: Promise<{ school?: string | string[] }> }) {
  const staff = await requireStaffPage(PATH);
  if (staff.role === 'staff') return <ForbiddenNotice staff={staff} current="roster" />;
  const t = await getTranslations('rosterImport');
  const { db } = await getStore();
  const schools = schoolsInScope(staff, await listSchools(db));
  const asked = (await searchParams).school;
  const school = schools.find((one) => one.key === asked) ?? schools[0];
  if (!school) {
    return (
      <AdminPage staff={staff} current="roster" title={t('title')} intro={t('intro')}>
        <p className="text-sm text-slate-600">{t('noSchool')}</p>
      </AdminPage>
    );
  }
  const size = await rosterSize(db, school.key);
  return (
    <AdminPage staff={staff} current="roster" title={t('title')} intro={t('intro')}>
      {schools.length > 1 && (
        <nav aria-label={t('school')} className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium text-slate-700">{t('school')}</span>
          {schools.map((one) => (
            <Link
              key={one.key}
              href={`${PATH}?school=${encodeURIComponent(one.key)}`}
              aria-current={one.key === school.key ? 'page' : undefined}
              className={pillClass}
            >
              {one.name}
            </Link>
          ))}
        </nav>
      )}
      <section
        aria-labelledby="roster-school"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="roster-school" className="text-base font-semibold">
          {school.name}
        </h2>
        <p className="text-sm">
          {size > 0 ? t('size', { school: school.name, count: size }) : t('sizeEmpty', { school: school.name })}
        </p>
        <p className="max-w-3xl text-sm text-slate-600">{t('howTo')}</p>
        {/* Keyed by school: another school's page starts with no file chosen. */}
        <RosterImportForm key={school.key} schoolKey={school.key} schoolName={school.name} />
        <DeleteRosterForm key={`delete-${school.key}`} schoolKey={school.key} schoolName={school.name} size={size} />
      </section>
    </AdminPage>
  );
}
