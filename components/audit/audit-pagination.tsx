import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { rangeText } from '@/components/ui/range-text';
import { AUDIT_PAGE_SIZE, type AuditSearch, auditHref } from '@/lib/audit/filter';

const linkClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50';
const disabledClass =
  'cursor-not-allowed rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-slate-400';

interface AuditPaginationProps {
  search: AuditSearch;
  shown: number;
  total: number;
}

/** 第 x–y 条，共 N 条 and links to the pages either side (plain text where there is none). */
export function AuditPagination({ search, shown, total }: AuditPaginationProps) {
  const t = useTranslations('pagination');
  const offset = (search.page - 1) * AUDIT_PAGE_SIZE;
  const lastPage = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const range = rangeText(t, offset, shown, total);
  // Past the end (an old link), 上一页 goes to the last page that has records.
  const prev = search.page > 1 ? Math.min(search.page - 1, lastPage) : null;
  const next = search.page < lastPage ? search.page + 1 : null;
  return (
    <nav aria-label={t('nav')} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700 tabular-nums">{range}</p>
      <div className="flex gap-2">
        {prev === null ? (
          <span aria-disabled="true" className={disabledClass}>
            {t('prev')}
          </span>
        ) : (
          <Link href={auditHref('/admin/audit', search, prev)} className={linkClass}>
            {t('prev')}
          </Link>
        )}
        {next === null ? (
          <span aria-disabled="true" className={disabledClass}>
            {t('next')}
          </span>
        ) : (
          <Link href={auditHref('/admin/audit', search, next)} className={linkClass}>
            {t('next')}
          </Link>
        )}
      </div>
    </nav>
  );
}
