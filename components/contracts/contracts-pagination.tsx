import { secondaryButtonClass } from '@/components/ui/button-styles';
import { DataTablePagination } from '@/components/ui/data-table/data-table-pagination';
import type { PageRef } from '@/lib/contracts/links';
import type { ContractsPage } from '@/lib/contracts/view';

interface ContractsPaginationProps {
  page: ContractsPage;
  /** While the next page loads, so a double click does not skip one. */
  disabled: boolean;
  onPage: (ref: PageRef) => void;
}

/** 上一页 / 下一页 exist only where WeChat's answer links to such a page. */
export function ContractsPagination({ page, disabled, onPage }: ContractsPaginationProps) {
  return (
    <DataTablePagination
      offset={page.offset}
      shown={page.rows.length}
      total={page.totalCount}
      turn={(direction, label) => {
        const ref = page[direction];
        return (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={disabled || !ref}
            onClick={() => ref && onPage(ref)}
          >
            {label}
          </button>
        );
      }}
    />
  );
}
