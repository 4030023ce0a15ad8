'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { Link } from '@/components/ui/link';
import { contractQueryKey } from '@/lib/contracts/contract-found';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import { allPlansHref, type ContractIdQuery, contractsHref } from '@/lib/contracts/search-input';
import { queryContract } from '@/lib/contracts/server/actions';
import type { ContractRow } from '@/lib/contracts/view';
import { ContractFields } from './contract-detail';
import { LookupErrorPanel } from './lookup-error-panel';

interface ContractResultProps {
  query: ContractIdQuery;
  /** The plans within the clerk's reach, to name the contract's plan. */
  plans: readonly NamedPlan[];
}

const CARD = 'rounded-lg border border-slate-200 bg-white px-5 py-4';

/**
 * One contract found by its 签约协议号, in whichever state the lookup is: loading, failed, none
 * (unknown, or outside the clerk's schools: the server answers both alike), or the contract with
 * a way on to the parent's full lists. A failure of the lookup's own comes back as a value; the
 * query errs only when the server gave no answer.
 */
export function ContractResult({ query, plans }: ContractResultProps) {
  const result = useQuery({ queryKey: contractQueryKey(query), queryFn: () => queryContract(query) });
  const t = useTranslations('contractById');
  const retry = () => void result.refetch();
  const { contract_id: contractId } = query;

  if (result.isError) return <LookupErrorPanel error={null} onRetry={retry} retrying={result.isFetching} />;
  if (!result.data) {
    return (
      <section aria-busy="true" className={CARD}>
        <p role="status" className="text-sm text-slate-600">
          {t('loading', { contractId })}
        </p>
        <div aria-hidden="true" className="mt-3 space-y-3">
          {[0, 1, 2, 3].map((line) => (
            <div key={line} className="h-4 w-2/3 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      </section>
    );
  }
  const answer = result.data;
  if (!answer.ok) return <LookupErrorPanel error={answer.error} onRetry={retry} retrying={result.isFetching} />;
  if (!answer.contract) {
    return (
      <section aria-labelledby="contract-result-title" className={`${CARD} border-dashed border-slate-300 text-center`}>
        <h2 id="contract-result-title" className="text-base font-medium">
          {t('notFound', { contractId })}
        </h2>
        <p className="mx-auto mt-1 max-w-2xl text-sm text-slate-600">{t('notFoundHint')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="contract-result-title" className={CARD}>
      <h2 id="contract-result-title" className="text-lg font-semibold">
        {t('title', { contractId })}
      </h2>
      <p role="status" className="sr-only">
        {t('found', { contractId })}
      </p>
      <ContractFields row={answer.contract} plans={plans} />
      <ParentLists contract={answer.contract} plans={plans} />
    </section>
  );
}

/** One click on to the parent's whole story: the contract's plan, or every plan of the school. */
function ParentLists({ contract, plans }: { contract: ContractRow; plans: readonly NamedPlan[] }) {
  const t = useTranslations('contractById');
  const { openid, planId } = contract;
  if (!openid) return null;
  return (
    <nav
      aria-label={t('parentLists')}
      className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4"
    >
      <span className="text-sm font-medium text-slate-700">{t('parentLists')}</span>
      {planId && (
        <Link href={contractsHref(openid, planId)} className={secondaryButtonClass}>
          {t('planList', { plan: planName(plans, planId) ?? planId })}
        </Link>
      )}
      <Link href={allPlansHref(openid)} className={secondaryButtonClass}>
        {t('allPlansList')}
      </Link>
    </nav>
  );
}
