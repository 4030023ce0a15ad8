'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { LookupErrorPanel } from '@/components/contracts/lookup-error-panel';
import { buttonClass } from '@/components/ui/button-styles';
import { FailurePanel } from '@/components/ui/failure-panel';
import { Link } from '@/components/ui/link';
import { TableBox } from '@/components/ui/table-box';
import { allPlansHref, type DirectoryQuery } from '@/lib/contracts/search-input';
import { type DirectoryResult, directoryQueryKey } from '@/lib/roster/directory-result';
import type { RosterMatch } from '@/lib/roster/match';
import { searchDirectory } from '@/lib/roster/server/directory-actions';

interface DirectoryResultsProps {
  query: DirectoryQuery;
}

const CELL = 'px-3 py-2 text-left align-top';

/**
 * The parent directory (家长名册) searched for what the parent said: who matched, each opening the
 * parent's contracts in every plan of their school. Phones come masked from the server.
 */
export function DirectoryResults({ query }: DirectoryResultsProps) {
  const t = useTranslations();
  const result = useQuery({
    queryKey: directoryQueryKey(query),
    queryFn: () => searchDirectory(query),
  });
  const retry = () => void result.refetch();

  if (result.isError) return <LookupErrorPanel error={null} onRetry={retry} retrying={result.isFetching} />;
  if (!result.data) {
    return (
      <p role="status" className="rounded-lg border border-slate-200 bg-white px-5 py-8 text-center text-slate-600">
        {t('directory.loading')}
      </p>
    );
  }
  const answer: DirectoryResult = result.data;
  if (!answer.ok) {
    const { kind } = answer.error;
    // Refusals about schools are said in the directory's words; the others as any lookup's.
    if (kind === 'out_of_scope' || kind === 'no_school') {
      return (
        <FailurePanel
          title={t(`directory.errors.${kind}.title`)}
          retryLabel={t('states.retry')}
          onRetry={retry}
          retrying={result.isFetching}
        >
          <p className="mt-1 text-sm">{t(`directory.errors.${kind}.body`)}</p>
        </FailurePanel>
      );
    }
    return <LookupErrorPanel error={answer.error} onRetry={retry} retrying={result.isFetching} />;
  }

  if (answer.matches.length === 0) {
    return (
      <div role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-8 text-center">
        <p className="text-base font-medium">{t('directory.emptyTitle', { text: query.q })}</p>
        <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{t('directory.emptyHint')}</p>
      </div>
    );
  }

  return (
    <section aria-labelledby="directory-title" className="flex flex-col gap-3">
      <h2 id="directory-title" className="sr-only">
        {t('directory.caption')}
      </h2>
      <p role="status" className="text-sm text-slate-700">
        {t('directory.found', { count: answer.matches.length })}
      </p>
      {answer.more && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t('directory.more', { count: answer.matches.length })}
        </p>
      )}
      <TableBox>
        <table className="w-full text-sm">
          <caption className="sr-only">{t('directory.caption')}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className={CELL}>
                {t('directory.columns.student')}
              </th>
              <th scope="col" className={CELL}>
                {t('directory.columns.className')}
              </th>
              <th scope="col" className={CELL}>
                {t('directory.columns.guardian')}
              </th>
              <th scope="col" className={CELL}>
                {t('directory.columns.phone')}
              </th>
              {answer.severalSchools && (
                <th scope="col" className={CELL}>
                  {t('directory.columns.school')}
                </th>
              )}
              <th scope="col" className={CELL}>
                <span className="sr-only">{t('directory.columns.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {answer.matches.map((match) => (
              <MatchRow key={match.id} match={match} showSchool={answer.severalSchools} />
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

/** One parent: the student as the school knows them, and the one link to the parent's contracts. */
function MatchRow({ match, showSchool }: { match: RosterMatch; showSchool: boolean }) {
  const t = useTranslations('directory');
  const missing = <span className="text-slate-400">{t('missing')}</span>;
  return (
    <tr className="hover:bg-slate-50">
      <td className={CELL}>
        <span className="font-medium whitespace-nowrap">{match.studentName}</span>
        {match.studentNo && (
          <span className="block font-mono text-xs whitespace-nowrap text-slate-500">
            {t('columns.studentNo')} {match.studentNo}
          </span>
        )}
      </td>
      <td className={`${CELL} whitespace-nowrap`}>{match.className ?? missing}</td>
      <td className={`${CELL} whitespace-nowrap`}>{match.guardianName ?? missing}</td>
      <td className={`${CELL} font-mono whitespace-nowrap`}>{match.phone ?? missing}</td>
      {showSchool && <td className={`${CELL} whitespace-nowrap`}>{match.schoolName}</td>}
      <td className={`${CELL} text-right`}>
        <Link
          href={allPlansHref(match.openid, 'ALL', match.schoolKey)}
          aria-label={t('openLabel', { student: match.studentName, guardian: match.guardianName ?? t('noGuardian') })}
          className={`${buttonClass('secondary', 'small')} inline-block whitespace-nowrap`}
        >
          {t('open')}
        </Link>
      </td>
    </tr>
  );
}
