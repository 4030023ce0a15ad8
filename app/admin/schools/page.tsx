import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { SchoolActionForm } from '@/components/schools/school-action-form';
import { SchoolSection } from '@/components/schools/school-section';
import { SCHOOL_NAME_MAX } from '@/lib/schools/names';
import { listPlans, listSchools } from '@/lib/schools/server/directory';
import { addSchoolAction } from '@/lib/schools/server/school-actions';
import { getStore } from '@/lib/server/db/database';
import { requireAdminPage } from '@/lib/staff/server/session';

/** Schools and their plans, for the provider admin: add, rename and archive both. */
export default async function SchoolsPage() {
  const access = await requireAdminPage('/admin/schools');
  if (!access.ok) return <ForbiddenNotice staff={access.staff} current="schools" />;
  const { db } = await getStore();
  const [schools, plans] = await Promise.all([listSchools(db), listPlans(db)]);
  const t = await getTranslations('schools.admin');
  return (
    <AdminPage staff={access.admin} current="schools" title={t('title')} intro={t('intro')}>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">{t('addSchool.legend')}</h2>
        <SchoolActionForm
          action={addSchoolAction}
          id="add-school"
          label={t('addSchool.legend')}
          submit={t('addSchool.submit')}
          fields={[
            { name: 'key', label: t('addSchool.key'), hint: t('addSchool.keyHint'), maxLength: 32, mono: true },
            { name: 'name', label: t('addSchool.name'), maxLength: SCHOOL_NAME_MAX },
            { name: 'wechatSchoolId', label: t('addSchool.wechatSchoolId'), maxLength: 64, mono: true },
          ]}
        />
      </div>
      {schools.length === 0 && <p className="text-sm text-slate-600">{t('none')}</p>}
      {schools.map((school) => (
        <SchoolSection key={school.key} school={school} plans={plans.filter((plan) => plan.schoolKey === school.key)} />
      ))}
    </AdminPage>
  );
}
