import { useTranslations } from 'next-intl';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { type AuditSearch, auditHref } from '@/lib/audit/filter';

/** 导出 CSV with the current filters: a plain link, since the answer is a file, not a page. */
export function AuditExportLink({ search }: { search: AuditSearch }) {
  const t = useTranslations('audit');
  return (
    <div className="flex flex-wrap items-center gap-3">
      <a
        href={auditHref('/admin/audit/export', search, 1)}
        aria-describedby="audit-export-hint"
        className={secondaryButtonClass}
      >
        {t('export')}
      </a>
      <p id="audit-export-hint" className="text-xs text-slate-500">
        {t('exportHint')}
      </p>
    </div>
  );
}
