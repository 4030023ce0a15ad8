import { secondaryButtonClass } from '@/components/ui/button-styles';
import { DataTablePagination } from '@/components/ui/data-table/data-table-pagination';
import { Link } from '@/components/ui/link';
import { AUDIT_PAGE_SIZE, type AuditSearch, auditHref } from '@/lib/audit/filter';

interface AuditPaginationProps {
  search: AuditSearch;
  shown: number;
  total: number;
}

/** 第 x–y 条，共 N 条 and links to the pages either side (plain text where there is none). */
export function AuditPagination({ search, shown, total }: AuditPaginationProps) {
  const lastPage = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pages = {
    // Past the end (an old link), 上一页 goes to the last page that has records.
    prev: search.page > 1 ? Math.min(search.page - 1, lastPage) : null,
    next: search.page < lastPage ? search.page + 1 : null,
  };
  return (
    <DataTablePagination
      offset={(search.page - 1) * AUDIT_PAGE_SIZE}
      shown={shown}
      total={total}
      turn={(direction, label) => {
        const page = pages[direction];
        return page === null ? (
          <span aria-disabled="true" className={secondaryButtonClass}>
            {label}
          </span>
        ) : (
          <Link href={auditHref('/admin/audit', search, page)} className={secondaryButtonClass}>
            {label}
          </Link>
        );
      }}
    />
  );
}
