import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { DiagnosticCheck } from '@/components/operations/diagnostic-check';
import { diagnosticChecks } from '@/components/operations/diagnostic-checks';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { worstOf } from '@/lib/operations/diagnostics';
import { gatherDiagnostics } from '@/lib/operations/server/diagnostics';
import { clientIp, requireStaffPage } from '@/lib/staff/server/session';
import { formatBeijingDateTime } from '@/lib/time/beijing';

const PATH = '/admin/diagnostics';

/**
 * For IT, without a shell: one page of checks, each green, amber or red with what to do. Provider
 * admins only. Each visit asks WeChat Pay's hosts and writes a 'diagnostics' audit record now;
 * "run again" is a plain GET form, so it works without JavaScript.
 */
export default async function DiagnosticsPage() {
  const staff = await requireStaffPage(PATH);
  if (staff.role !== 'admin') return <ForbiddenNotice staff={staff} current="diagnostics" />;
  const t = await getTranslations('diagnostics');
  const now = Date.now();
  const facts = await gatherDiagnostics({ actor: staff, from: await clientIp() });
  const checks = diagnosticChecks(t, facts, now);
  const overall = worstOf(checks.map((check) => check.result.status));
  return (
    <AdminPage staff={staff} current="diagnostics" title={t('title')} intro={t('intro')}>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p>
          {t('overall', { status: t(`status.${overall}`) })} · {t('checkedAt', { time: formatBeijingDateTime(now) })}
        </p>
        <form action={PATH} method="get">
          <button type="submit" className={secondaryButtonClass}>
            {t('runAgain')}
          </button>
        </form>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {checks.map((check) => (
          <DiagnosticCheck key={check.title} title={check.title} result={check.result} facts={check.facts} />
        ))}
      </div>
    </AdminPage>
  );
}
