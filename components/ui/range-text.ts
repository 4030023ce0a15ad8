import type { Translator } from '@/i18n/translator';

/** "第 x–y 条，共 N 条": which rows a page shows, and of how many when that is known. */
export function rangeText(t: Translator<'pagination'>, offset: number, shown: number, total: number | null): string {
  if (shown === 0) return total === null ? t('empty') : t('emptyOfTotal', { total });
  const from = offset + 1;
  const to = offset + shown;
  return total === null ? t('range', { from, to }) : t('rangeOfTotal', { from, to, total });
}
