'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { allPlansQueryKey, type PlanGroup, planQuery } from '@/lib/contracts/all-plans';
import type { NamedPlan } from '@/lib/contracts/plans';
import { contractsQueryKey } from '@/lib/contracts/query-key';
import type { AllPlansQuery } from '@/lib/contracts/search-input';
import { queryContracts } from '@/lib/contracts/server/actions';
import { queryAllPlans } from '@/lib/contracts/server/all-plans-actions';
import { ContractsAnswer } from './contracts-results';
import { ExportButton } from './export-button';
import { LookupErrorPanel } from './lookup-error-panel';
import { SharedValuesLine } from './shared-values-line';

interface AllPlansResultsProps {
  query: AllPlansQuery;
  /** Every plan within the clerk's reach by name, to name plans in a contract's detail. */
  plans: readonly NamedPlan[];
  /** Whose table preferences to use in this browser. */
  username: string;
}

/**
 * A parent in every plan of one school: one answer, one group per plan in the school's order,
 * each with its own rows (signed first), its own pages by WeChat's links, or its own failure.
 * The server decides the school; a clerk of several schools who chose none is asked to.
 */
export function AllPlansResults({ query, plans, username }: AllPlansResultsProps) {
  const t = useTranslations();
  const titleId = useId();
  const answer = useQuery({ queryKey: allPlansQueryKey(query), queryFn: () => queryAllPlans(query) });
  const retry = () => void answer.refetch();

  if (answer.isError) return <LookupErrorPanel error={null} onRetry={retry} retrying={answer.isFetching} />;
  if (!answer.data) {
    return (
      <p role="status" className="animate-pulse rounded-lg border border-slate-200 bg-white px-5 py-8 text-sm">
        {t('allPlans.loading')}
      </p>
    );
  }
  const result = answer.data;
  if (!result.ok && 'refusal' in result) {
    if (result.refusal === 'no_school') {
      return <LookupErrorPanel error={{ kind: 'no_school' }} onRetry={retry} retrying={answer.isFetching} />;
    }
    return (
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-5 py-4 text-amber-950">
        <p className="text-base font-semibold">{t('allPlans.chooseSchoolTitle')}</p>
        <p className="mt-1 text-sm">{t('allPlans.chooseSchoolBody')}</p>
      </div>
    );
  }
  if (!result.ok) return <LookupErrorPanel error={result.error} onRetry={retry} retrying={answer.isFetching} />;

  const failed = result.groups.filter((group) => !group.result.ok).length;
  // What every row of every group shares (the parent's openid, AppID, 商户号) is said once, here.
  const rows = result.groups.flatMap((group) => (group.result.ok ? group.result.page.rows : []));
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="text-lg font-semibold">
            {t('allPlans.title', { school: result.school.name })}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {result.groups.length === 0
              ? t('allPlans.noPlans', { school: result.school.name })
              : t('allPlans.summary', { count: result.groups.length })}
          </p>
          {failed > 0 && <p className="mt-0.5 text-sm text-red-800">{t('allPlans.someFailed', { count: failed })}</p>}
        </div>
        {result.groups.length > 0 && (
          <ExportButton
            key={JSON.stringify([query.openid, query.contract_status, result.school.key])}
            search={{ openid: query.openid, contract_status: query.contract_status, school: result.school.key }}
          />
        )}
      </div>
      <SharedValuesLine rows={rows} plans={plans} />
      {result.groups.map((group) => (
        // A new answer (a retry of the whole) starts every group again at its first page.
        <PlanGroupView
          key={`${answer.dataUpdatedAt}:${group.plan.planId}`}
          query={query}
          group={group}
          answeredAt={answer.dataUpdatedAt}
          plans={plans}
          username={username}
        />
      ))}
    </section>
  );
}

interface PlanGroupViewProps {
  query: AllPlansQuery;
  group: PlanGroup;
  /** When the all-plans answer came: its first pages are cached under it, apart from older ones. */
  answeredAt: number;
  plans: readonly NamedPlan[];
  username: string;
}

/**
 * One plan's group. Its first page came with the all-plans answer; later pages (and a retry) are
 * single-plan lookups of this plan at that offset, each audited like any other.
 */
function PlanGroupView({ query, group, answeredAt, plans, username }: PlanGroupViewProps) {
  const t = useTranslations();
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  const single = planQuery(query, group.plan.planId, offset);
  const answer = useQuery({
    queryKey: [...contractsQueryKey(single), 'allPlans', answeredAt],
    queryFn: () => queryContracts(single),
    placeholderData: keepPreviousData,
    initialData: offset === 0 ? group.result : undefined,
    // The first page is already here; only a page turn or a retry asks WeChat again.
    enabled: offset !== 0,
  });
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <span className="text-base font-semibold">{group.plan.name}</span>
        <span className="whitespace-nowrap font-mono text-xs text-slate-600">
          {t('allPlans.planId', { planId: group.plan.planId })}
        </span>
      </h3>
      <ContractsAnswer
        query={single}
        onPage={(next) => setOffset(next.offset)}
        plans={plans}
        username={username}
        answer={answer}
        headed={false}
        caption={group.plan.name}
        controls={false}
        empty={<p className="text-sm text-slate-600">{t('allPlans.groupEmpty')}</p>}
      />
    </section>
  );
}
