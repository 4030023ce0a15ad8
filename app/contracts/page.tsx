import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContractsScreen } from '@/components/contracts/contracts-screen';
import { SandboxBanner } from '@/components/contracts/sandbox-banner';
import { SchoolPicker } from '@/components/contracts/school-picker';
import { AppHeader } from '@/components/layout/app-header';
import { recentSearches } from '@/lib/audit/recent';
import { latestAuditOf } from '@/lib/audit/server/store';
import { findTarget } from '@/lib/contracts/find-text';
import { DEFAULT_LIMIT, isSearchRequested, searchParamsInput } from '@/lib/contracts/search-input';
import { firstAnswer } from '@/lib/contracts/server/first-answer';
import { parseUrlSearch } from '@/lib/contracts/url-search';
import { CONTRACTS_PATH } from '@/lib/paths';
import { getQueryClient } from '@/lib/query-client';
import { chosenSchool } from '@/lib/schools/choice';
import { schoolChoicesOf } from '@/lib/schools/server/choices';
import { getStore } from '@/lib/server/db/database';
import { isOwnRequest } from '@/lib/server/fetch-site';
import { inRequest } from '@/lib/server/in-request';
import { getSettings } from '@/lib/settings/settings';
import { clientIp, requireStaffPage } from '@/lib/staff/server/session';
import { readParam, type SearchParamsRecord, withParams } from '@/lib/url-state';

type SearchParams = Promise<SearchParamsRecord>;

/** The form's other fields as a plain GET sends them. */
function formValues(params: SearchParamsRecord) {
  return {
    plan_id: readParam(params, 'plan_id') ?? '',
    contract_status: readParam(params, 'contract_status') ?? 'ALL',
    limit: readParam(params, 'limit') ?? String(DEFAULT_LIMIT),
  };
}

/** Marks a search that came from another site on its way through the login page (see below). */
const HELD = 'held';

/**
 * Opening a search URL renders its first page on the server: the rows are in the first HTML,
 * and React Query in the browser starts from the same answer instead of asking again.
 *
 * Unless another site sent the clerk here: session cookies go with any site's links, and a
 * lookup spends the merchant's WeChat quota and the clerk's limit and is recorded in their name.
 * Such a search only fills the form, and waits for the clerk to press 查询. The mark survives a
 * detour through the login page, whose return to here is a request of the app's own.
 */
export default async function ContractsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requestedSchool = readParam(params, 'school');
  // The search form sent before its script loaded: on to the search its first field leads to.
  const find = readParam(params, 'find');
  if (find !== undefined) redirect(findTarget({ ...formValues(params), find, school: requestedSchool }).path);
  const input = searchParamsInput(params);
  const requested = isSearchRequested(input);
  const fromElsewhere = requested && !isOwnRequest(await headers());
  const staff = await requireStaffPage(
    withParams(CONTRACTS_PATH, { ...input, school: requestedSchool, [HELD]: fromElsewhere ? 1 : undefined }),
  );
  const held = fromElsewhere || (requested && readParam(params, HELD) !== undefined);
  const { db } = await getStore();
  const queryClient = getQueryClient();
  const t = await getTranslations();
  const search = parseUrlSearch(input, requestedSchool);
  const first = search?.ok && !held ? firstAnswer(search, staff, await clientIp()) : null;
  if (first) await queryClient.prefetchQuery({ queryKey: first.queryKey, queryFn: () => inRequest(first.queryFn) });
  // Enough of the newest records to find a handful of distinct searches among their page turns;
  // read on every render, so going back to the empty form (client-side) still has the list.
  const recent = recentSearches(await latestAuditOf(db, staff.userId, 60), 6);
  // Only the schools and plans within the clerk's reach are read, so nothing else can reach the browser.
  const schools = await schoolChoicesOf(db, staff);
  const plans = schools.flatMap((school) => school.plans);
  const chosen = chosenSchool({
    role: staff.role,
    schools: schools.map((school) => school.key),
    requested: requestedSchool,
    planSchool: schools.find((school) => school.plans.some((plan) => plan.planId === input.plan_id))?.key,
  });
  const offered = chosen === null ? schools : schools.filter((school) => school.key === chosen);
  const noSchool = staff.role !== 'admin' && schools.length === 0;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <AppHeader staff={staff} current="contracts" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('nav.contracts')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('app.subtitle')}</p>
      </div>
      {getSettings().wechatpay.mode === 'sandbox' && (
        <SandboxBanner showDemos={!requested} plans={plans} anyPlan={staff.role === 'admin'} />
      )}
      {noSchool && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {t('plans.noSchool')}
        </p>
      )}
      <SchoolPicker schools={schools} chosen={chosen} offerAll={staff.role === 'admin'} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ContractsScreen
          schools={offered}
          school={chosen}
          plans={plans}
          username={staff.username}
          recent={recent}
          held={held}
        />
      </HydrationBoundary>
    </div>
  );
}
