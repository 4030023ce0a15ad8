import { useTranslations } from 'next-intl';
import { rangeText } from '@/components/ui/range-text';
import type { PageRef } from '@/lib/contracts/links';
import type { ContractsPage } from '@/lib/contracts/view';

interface TablePaginationProps {
  page: ContractsPage;
  /** While the next page loads, so a double click does not skip one. */
  disabled: boolean;
  onPage: (ref: PageRef) => void;
}

const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50 ' +
  'disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-white';

/** 上一页 / 下一页 exist only where WeChat's answer links to such a page. */
export function TablePagination({ page, disabled, onPage }: TablePaginationProps) {
  const t = useTranslations('pagination');
  const range = rangeText(t, page.offset, page.rows.length, page.totalCount);
  const { prev, next } = page;
  return (
    <nav aria-label={t('nav')} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700 tabular-nums">{range}</p>
      <div className="flex gap-2">
        <button type="button" className={buttonClass} disabled={disabled || !prev} onClick={() => prev && onPage(prev)}>
          {t('prev')}
        </button>
        <button type="button" className={buttonClass} disabled={disabled || !next} onClick={() => next && onPage(next)}>
          {t('next')}
        </button>
      </div>
    </nav>
  );
}
