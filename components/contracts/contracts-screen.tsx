'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { RecentSearch } from '@/lib/audit/recent';
import type { NamedPlan } from '@/lib/contracts/plans';
import {
  type ContractsQuery,
  isSearchRequested,
  parseContractsQuery,
  searchParamsInput,
  searchPath,
} from '@/lib/contracts/search-input';
import type { SchoolChoice } from '@/lib/schools/choice';
import { ContractsResults } from './contracts-results';
import { FirstVisit } from './first-visit';
import { RecentSearches } from './recent-searches';
import { SearchForm } from './search-form';

interface ContractsScreenProps {
  /** The schools whose plans the form offers. */
  schools: readonly SchoolChoice[];
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
export function ContractsScreen({ schools, plans, username, recent, held }: ContractsScreenProps) {
  const searchParams = useSearchParams();
  const input = searchParamsInput(searchParams);
  const requested = isSearchRequested(input);
  const parsed = requested ? parseContractsQuery(input) : null;
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

  // "/" jumps to the openid field from anywhere but another text field, as in most search tools.
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
      document.getElementById('openid')?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function show(query: ContractsQuery) {
    setHeldSearch(null);
    // Next.js syncs pushState with useSearchParams: no server round trip, and back/forward work.
    window.history.pushState(null, '', searchPath(query));
  }

  return (
    <>
      <SearchForm
        urlInput={input}
        urlErrors={parsed && !parsed.ok ? parsed.fieldErrors : undefined}
        onSearch={show}
        schools={schools}
      />
      {!requested && <RecentSearches searches={recent} plans={plans} />}
      {!requested && <FirstVisit />}
      {parsed && !parsed.ok && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t('states.invalidUrl')}
          {parsed.fieldErrors.offset ? ` ${t(`validation.${parsed.fieldErrors.offset}`)}` : ''}
        </p>
      )}
      {parsed?.ok && waiting && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {t('states.heldCrossSite')}
        </p>
      )}
      {parsed?.ok && !waiting && (
        <ContractsResults query={parsed.query} onPage={show} plans={plans} username={username} />
      )}
    </>
  );
}
