import { getTranslations } from 'next-intl/server';
import { AuditEmpty } from '@/components/audit/audit-empty';
import { AuditExportLink } from '@/components/audit/audit-export-link';
import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { AuditPagination } from '@/components/audit/audit-pagination';
import { AuditTable } from '@/components/audit/audit-table';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { auditPageWindow, auditSearchInput, isFiltered, parseAuditSearch, toAuditFilter } from '@/lib/audit/filter';
import { listAudit } from '@/lib/audit/server/store';
import { auditSchools, auditScope } from '@/lib/schools/scope';
import { listSchools } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { listAccounts } from '@/lib/staff/server/account-service';
import { requireStaffPage } from '@/lib/staff/server/session';
import { type SearchParamsRecord, withParams } from '@/lib/url-state';

type SearchParams = Promise<SearchParamsRecord>;

/**
 * The audit trail: filtered by the URL, 50 records a page, newest first. The provider admin reads
 * every record (and may ask for one school's); a school admin only their schools' records.
 */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const input = auditSearchInput(await searchParams);
  const here = withParams('/admin/audit', input);
  const staff = await requireStaffPage(here);
  const scope = auditScope(staff);
  if (!scope) return <ForbiddenNotice staff={staff} current="audit" />;

  const parsed = parseAuditSearch(input);
  const { db } = await getStore();
  const usernames = (await listAccounts(db, staff)).map((account) => account.username);
  // Archived schools too: their records stay. A school admin filters by their own schools only.
  const schools = (await listSchools(db))
    .filter((school) => scope.kind === 'all' || scope.schools.includes(school.key))
    .map(({ key, name }) => ({ key, name }));
  const t = await getTranslations('audit');
  const form = (
    <AuditFilterForm
      key={here}
      values={input}
      errors={parsed.ok ? {} : parsed.fieldErrors}
      usernames={usernames}
      schools={schools}
    />
  );

  if (!parsed.ok) {
    return (
      <AdminPage staff={staff} current="audit" title={t('title')} intro={t('intro')}>
        {form}
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900">
          {t('validation.invalid')}
        </p>
      </AdminPage>
    );
  }

  const { search } = parsed;
  const filter = { ...toAuditFilter(search), schools: auditSchools(scope, search.school) };
  const { records, total } = await listAudit(db, filter, auditPageWindow(search.page));
  return (
    <AdminPage staff={staff} current="audit" title={t('title')} intro={t('intro')}>
      {form}
      <AuditExportLink search={search} />
      {total === 0 ? (
        <AuditEmpty filtered={isFiltered(search)} />
      ) : (
        <>
          <AuditTable records={records} />
          <AuditPagination search={search} shown={records.length} total={total} />
        </>
      )}
    </AdminPage>
  );
}
