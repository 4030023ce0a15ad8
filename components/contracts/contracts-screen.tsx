'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { DirectoryResults } from '@/components/roster/directory-results';
import type { RecentSearch } from '@/lib/audit/recent';
import type { NamedPlan } from '@/lib/contracts/plans';
import { type ContractsQuery, searchParamsInput, searchPath } from '@/lib/contracts/search-input';
import { parseUrlSearch } from '@/lib/contracts/url-search';
import type { SchoolChoice } from '@/lib/schools/choice';
import { readParam } from '@/lib/url-state';
import { AllPlansResults } from './all-plans-results';
import { ContractResult } from './contract-result';
import { ContractsResults } from './contracts-results';
import { FirstVisit } from './first-visit';
import { RecentSearches } from './recent-searches';
import { SearchForm } from './search-form';

interface ContractsScreenProps {
  /** The schools whose plans the form offers. */
  schools: readonly SchoolChoice[];
  /** The school chosen on the page: the all-plans and directory searches cover it. */
  school: string | null;
  /** Every plan within the clerk's reach by name, to name the plans of results and recent searches. */
  plans: readonly NamedPlan[];
  /** The signed-in staff member, whose table preferences this browser keeps. */
  username: string;
  /** Their last searches, offered before a search is made. */
  recent: readonly RecentSearch[];
  /** The URL's search came from another site: shown in the form, not run until the clerk says so. */
  held: boolean;
}

/** The search lives in the URL: this screen reads it, and every search or page change writes it. */
export function ContractsScreen({ schools, school, plans, username, recent, held }: ContractsScreenProps) {
  const searchParams = useSearchParams();
  const input = searchParamsInput(searchParams);
  const search = parseUrlSearch(input, readParam(searchParams, 'school'));
  const requested = search !== null;
  const t = useTranslations();
  // The held search is the one this page was opened with; any search the clerk makes, and any
  // page the server renders anew, is theirs. Back to the held search still holds it.
  const searchKey = JSON.stringify(input);
  const [heldSearch, setHeldSearch] = useState(held ? searchKey : null);
  const [seenHeld, setSeenHeld] = useState(held);
  if (held !== seenHeld) {
    setSeenHeld(held);
    setHeldSearch(held ? searchKey : null);
  }
  const waiting = heldSearch === searchKey;

  // "/" jumps to the first field from anywhere but another text field, as in most search tools.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      // Only where "/" is text: after a radio, checkbox or button it still means "search".
      const typing = target?.closest(
        'input:not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit]), textarea, select, [contenteditable="true"]',
      );
      const dialogOpen = document.querySelector('dialog[open]');
      if (event.key !== '/' || typing || dialogOpen || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      document.getElementById('find')?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function go(path: string) {
    setHeldSearch(null);
    // Next.js syncs pushState with useSearchParams: no server round trip, and back/forward work.
    window.history.pushState(null, '', path);
  }
  const show = (query: ContractsQuery) => go(searchPath(query));

  return (
    <>
      <SearchForm
        urlInput={input}
        urlErrors={search && !search.ok ? search.errors : undefined}
        onSearch={go}
        schools={schools}
        school={school}
      />
      {!requested && <RecentSearches searches={recent} plans={plans} />}
      {!requested && <FirstVisit />}
      {search && !search.ok && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t('states.invalidUrl')}
          {search.offset ? ` ${t(`validation.${search.offset}`)}` : ''}
        </p>
      )}
      {search?.ok && waiting && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {t('states.heldCrossSite')}
        </p>
      )}
      {search?.ok && !waiting && search.kind === 'plan' && (
        <ContractsResults query={search.query} onPage={show} plans={plans} username={username} />
      )}
      {search?.ok && !waiting && search.kind === 'allPlans' && (
        <AllPlansResults query={search.query} plans={plans} username={username} />
      )}
      {search?.ok && !waiting && search.kind === 'contract' && <ContractResult query={search.query} plans={plans} />}
      {search?.ok && !waiting && search.kind === 'directory' && <DirectoryResults query={search.query} />}
    </>
  );
}
