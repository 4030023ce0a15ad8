import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { rangeText } from '@/components/ui/range-text';

interface DataTablePaginationProps {
  /** How many rows come before this page's, how many it shows, and of how many (null: not known). */
  offset: number;
  shown: number;
  total: number | null;
  /**
   * 上一页 or 下一页, given its label: a link where the pages are URLs, a button where the page
   * changes in place. The pages are the server's (its links, its URL), not the table's.
   */
  turn: (direction: 'prev' | 'next', label: string) => ReactNode;
}

/** 第 x–y 条，共 N 条, and the ways to the pages either side. */
export function DataTablePagination({ offset, shown, total, turn }: DataTablePaginationProps) {
  const t = useTranslations('pagination');
  return (
    <nav aria-label={t('nav')} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700 tabular-nums">{rangeText(t, offset, shown, total)}</p>
      <div className="flex gap-2">
        {turn('prev', t('prev'))}
        {turn('next', t('next'))}
      </div>
    </nav>
  );
}
