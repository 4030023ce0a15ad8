import { useTranslations } from 'next-intl';
import { PLAN_ID_MAX } from '@/lib/contracts/search-input';
import { PLAN_NAME_MAX, SCHOOL_NAME_MAX } from '@/lib/schools/names';
import type { PlanEntry, School } from '@/lib/schools/server/directory';
import {
  addPlanAction,
  archivePlanAction,
  archiveSchoolAction,
  renamePlanAction,
  renameSchoolAction,
} from '@/lib/schools/server/school-actions';
import { SchoolActionForm } from './school-action-form';

const badgeClass = 'rounded-full px-2 py-0.5 text-xs font-medium';

function Status({ archived }: { archived: boolean }) {
  const t = useTranslations('schools.admin');
  return archived ? (
    <span className={`${badgeClass} bg-slate-200 text-slate-700`}>{t('archived')}</span>
  ) : (
    <span className={`${badgeClass} bg-emerald-100 text-emerald-800`}>{t('live')}</span>
  );
}

/** One school on the schools page: its name and state, its plans, and what may be done to them. */
export function SchoolSection({ school, plans }: { school: School; plans: readonly PlanEntry[] }) {
  const t = useTranslations('schools.admin');
  const live = school.archivedAt === null;
  const headingId = `school-${school.key}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {school.name}
        </h2>
        <span className="font-mono text-sm text-slate-600">{school.key}</span>
        {school.wechatSchoolId && (
          <span className="text-sm text-slate-600">{t('wechatSchoolId', { id: school.wechatSchoolId })}</span>
        )}
        <Status archived={!live} />
      </div>
      {live && (
        <div className="flex flex-wrap items-start gap-6">
          <SchoolActionForm
            action={renameSchoolAction}
            id={`rename-${school.key}`}
            label={`${t('rename.submit')} ${school.name}`}
            submit={t('rename.submit')}
            hidden={{ key: school.key }}
            fields={[{ name: 'name', label: t('rename.label'), maxLength: SCHOOL_NAME_MAX, defaultValue: school.name }]}
          />
          <div className="pt-6">
            <SchoolActionForm
              action={archiveSchoolAction}
              id={`archive-${school.key}`}
              label={`${t('archiveSchool')} ${school.name}`}
              submit={t('archiveSchool')}
              hidden={{ key: school.key }}
              compact
            />
          </div>
        </div>
      )}
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-medium">{t('plans.caption', { school: school.name })}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t('plans.planId')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('plans.name')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('plans.status')}
            </th>
            <th scope="col" className="py-2">
              {t('plans.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.length === 0 && (
            <tr>
              <td colSpan={4} className="py-3 text-slate-600">
                {t('plans.none')}
              </td>
            </tr>
          )}
          {plans.map((plan) => (
            <tr key={plan.planId} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 font-mono">{plan.planId}</td>
              <td className="py-2 pr-3">{plan.name}</td>
              <td className="py-2 pr-3">
                <Status archived={plan.planArchived} />
              </td>
              <td className="py-2">
                {live && !plan.planArchived && (
                  <div className="flex flex-wrap items-start gap-3">
                    <SchoolActionForm
                      action={renamePlanAction}
                      id={`rename-plan-${plan.planId}`}
                      label={`${t('rename.submit')} ${plan.name}`}
                      submit={t('rename.submit')}
                      hidden={{ planId: plan.planId }}
                      fields={[
                        { name: 'name', label: t('rename.label'), maxLength: PLAN_NAME_MAX, defaultValue: plan.name },
                      ]}
                      compact
                    />
                    <div className="pt-6">
                      <SchoolActionForm
                        action={archivePlanAction}
                        id={`archive-plan-${plan.planId}`}
                        label={`${t('archivePlan')} ${plan.name}`}
                        submit={t('archivePlan')}
                        hidden={{ planId: plan.planId }}
                        compact
                      />
                    </div>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {live && (
        <SchoolActionForm
          action={addPlanAction}
          id={`add-plan-${school.key}`}
          label={`${t('addPlan.legend')} ${school.name}`}
          submit={t('addPlan.submit')}
          hidden={{ key: school.key }}
          fields={[
            { name: 'planId', label: t('addPlan.planId'), maxLength: PLAN_ID_MAX, mono: true },
            { name: 'name', label: t('addPlan.name'), maxLength: PLAN_NAME_MAX },
          ]}
        />
      )}
    </section>
  );
}
