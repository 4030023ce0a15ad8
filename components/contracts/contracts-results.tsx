'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useState } from 'react';
import { DataTable } from '@/components/ui/data-table/data-table';
import { DataTableSkeleton } from '@/components/ui/data-table/data-table-skeleton';
import { DataTableToolbar } from '@/components/ui/data-table/data-table-toolbar';
import type { LookupResult } from '@/lib/contracts/failure';
import type { PageRef } from '@/lib/contracts/links';
import type { NamedPlan } from '@/lib/contracts/plans';
import type { ContractsQuery } from '@/lib/contracts/search-input';
import type { ContractRow } from '@/lib/contracts/view';
import { ContractDetail } from './contract-detail';
import { ContractsPagination } from './contracts-pagination';
import { EmptyResult } from './empty-result';
import { ExportButton } from './export-button';
import { LookupErrorPanel } from './lookup-error-panel';
import { SharedValuesLine } from './shared-values-line';
import { useContracts } from './use-contracts';
import { useContractsTable } from './use-contracts-table';

interface ContractsResultsProps {
  query: ContractsQuery;
  onPage: (query: ContractsQuery) => void;
  plans: readonly NamedPlan[];
  /** Whose table preferences to use in this browser. */
  username: string;
}

interface ContractsAnswerProps extends ContractsResultsProps {
  /** The page as React Query holds it: fetched by the caller, shown here. */
  answer: UseQueryResult<LookupResult>;
  /** False when the caller heads the answer (a group of the all-plans view); else a heading for screen readers. */
  headed?: boolean;
  /** The table's caption, by default 签约记录. */
  caption?: string;
  /**
   * The column menu, 导出 CSV and the line of values every row shares, above the rows; a view of
   * several answers has its own.
   */
  controls?: boolean;
  /** How an answer with no contracts is said; by default the full empty state. */
  empty?: ReactNode;
}

/** Before an answer with rows, the table exists all the same (its columns shape the skeleton). */
const NO_ROWS: ContractRow[] = [];

/** The answer to one search, fetched by its own query. */
export function ContractsResults(props: ContractsResultsProps) {
  return <ContractsAnswer {...props} answer={useContracts(props.query)} />;
}

/** One search's answer, in whichever state it is: loading, failed, unanswered, empty or rows. */
export function ContractsAnswer({
  query,
  onPage,
  plans,
  username,
  answer: result,
  headed = true,
  caption,
  controls = true,
  empty,
}: ContractsAnswerProps) {
  const t = useTranslations();
  const titleId = useId();
  const table = useContractsTable(result.data?.ok ? result.data.page.rows : NO_ROWS, username, plans);
  const [opened, setOpened] = useState<ContractRow | null>(null);
  const skeleton = <DataTableSkeleton table={table} rows={Math.min(query.limit, 10)} />;
  const retry = () => void result.refetch();

  // No answer at all: the request to the dashboard's own server failed (it is down or restarting,
  // its database is, or the connection dropped). Said so, with a retry, rather than loading forever.
  if (result.isError) return <LookupErrorPanel error={null} onRetry={retry} retrying={result.isFetching} />;
  if (!result.data) return skeleton;

  const answer = result.data;
  const loadingNext = result.isPlaceholderData && result.isFetching;

  if (!answer.ok) {
    return loadingNext ? (
      skeleton
    ) : (
      <LookupErrorPanel error={answer.error} onRetry={retry} retrying={result.isFetching} />
    );
  }

  const { page } = answer;
  const goTo = (ref: PageRef) => onPage({ ...query, ...ref });
  const mismatch = page.rows.some((row) => row.openidMismatch);

  return (
    <section aria-labelledby={headed ? titleId : undefined} aria-busy={loadingNext} className="flex flex-col gap-3">
      {headed && (
        <h2 id={titleId} className="sr-only">
          {t('table.caption')}
        </h2>
      )}
      {mismatch && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t('states.mismatchWarning')}
        </p>
      )}
      {page.rows.length === 0 && page.offset === 0 ? (
        (empty ?? <EmptyResult requestId={page.requestId} />)
      ) : (
        <>
          {controls && (
            <div className="flex flex-wrap items-start justify-between gap-3">
              <DataTableToolbar table={table} />
              <ExportButton
                key={JSON.stringify([query.openid, query.plan_id, query.contract_status])}
                search={{ openid: query.openid, plan_id: query.plan_id, contract_status: query.contract_status }}
              />
            </div>
          )}
          {controls && <SharedValuesLine rows={page.rows} plans={plans} />}
          <div className={loadingNext ? 'opacity-60 transition-opacity' : undefined}>
            {/* A row opens its detail; the header stays in view while the rows scroll inside their box. */}
            <DataTable
              table={table}
              caption={caption ?? t('table.caption')}
              scrollRows
              onOpen={setOpened}
              rowLabel={(row) => t('detail.rowLabel', { contractId: row.contractId ?? t('table.missing') })}
            />
          </div>
          <ContractDetail row={opened} searchedOpenid={query.openid} plans={plans} onClose={() => setOpened(null)} />
        </>
      )}
      {(page.rows.length > 0 || page.prev || page.next) && (
        <ContractsPagination page={page} disabled={loadingNext} onPage={goTo} />
      )}
      {/* Said aloud by screen readers: the page changed without a navigation. */}
      <p role="status" className={loadingNext ? 'text-sm text-slate-600' : 'sr-only'}>
        {loadingNext
          ? t('states.loading')
          : page.totalCount === null
            ? t('states.loaded', { count: page.rows.length })
            : t('states.loadedOfTotal', { count: page.rows.length, total: page.totalCount })}
      </p>
    </section>
  );
}
