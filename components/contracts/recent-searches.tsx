import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { RecentSearch } from '@/lib/audit/recent';
import { statusText } from '@/lib/contracts/fields';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import { contractsHref } from '@/lib/contracts/search-input';
import { formatBeijingDateTime } from '@/lib/time/beijing';

/** The clerk's own last searches from the audit trail: the parent who calls back is one click away. */
export function RecentSearches({
  searches,
  plans,
}: {
  searches: readonly RecentSearch[];
  plans: readonly NamedPlan[];
}) {
  const t = useTranslations();
  if (searches.length === 0) return null;
  return (
    <section aria-labelledby="recent-title" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="recent-title" className="text-base font-semibold">
        {t('recent.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('recent.intro')}</p>
      <ul className="mt-2 divide-y divide-slate-100">
        {searches.map((search) => {
          const plan = planName(plans, search.planId) ?? search.planId;
          const status = search.contractStatus === 'ALL' ? null : statusText(t, search.contractStatus);
          return (
            <li key={`${search.openid} ${search.planId} ${search.contractStatus}`}>
              <Link
                href={contractsHref(search.openid, search.planId, search.contractStatus)}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 rounded px-1 py-2 text-sm hover:bg-slate-50"
              >
                {/* Read as one phrase, "search again: openid plan status time", and named by what it shows. */}
                <span className="sr-only">{t('recent.again')}</span>
                <span className="font-mono text-blue-800 underline underline-offset-2">{search.openid}</span>{' '}
                <span className="text-slate-700">{plan}</span>{' '}
                {status && <span className="text-slate-700">{status} </span>}
                <time
                  className="ml-auto text-xs text-slate-600 tabular-nums"
                  dateTime={new Date(search.at).toISOString()}
                >
                  {formatBeijingDateTime(search.at)}
                </time>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
