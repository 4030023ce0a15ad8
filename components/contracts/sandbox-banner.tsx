import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { planName } from '@/lib/contracts/plans';
import { contractsHref } from '@/lib/contracts/search-input';
import { DEMO_PARENT_SUMMARIES, DEMO_PLANS, FAULT_SUMMARIES } from '@/lib/sandbox';

/** Says plainly that the data is simulated, and offers demo parents to try (open on a first visit). */
export function SandboxBanner({ showDemos }: { showDemos: boolean }) {
  const t = useTranslations('sandbox');
  return (
    <aside
      aria-label={t('label')}
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-medium">{t('banner')}</p>
      <details className="mt-2" open={showDemos}>
        <summary className="cursor-pointer text-amber-900 underline underline-offset-2">{t('demoTitle')}</summary>
        <ul className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {DEMO_PARENT_SUMMARIES.map((parent) => (
            <li key={parent.openid}>
              <Link
                className="font-medium text-blue-800 underline underline-offset-2"
                href={contractsHref(parent.openid, parent.planId)}
              >
                {parent.name}
              </Link>
              <span className="text-amber-900">
                （{planName(DEMO_PLANS, parent.planId) ?? parent.planId}）：{parent.story}
              </span>
              <div className="font-mono text-xs text-amber-800">{parent.openid}</div>
            </li>
          ))}
        </ul>
        <details className="mt-3">
          <summary className="cursor-pointer text-amber-900">{t('faultTitle')}</summary>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {FAULT_SUMMARIES.map((fault) => (
              <li key={fault.openid}>
                <Link
                  className="text-blue-800 underline underline-offset-2"
                  href={contractsHref(fault.openid, DEMO_PLANS[0].planId)}
                >
                  {fault.story}
                </Link>
                <span className="ml-1 font-mono text-xs text-amber-800">{fault.openid}</span>
              </li>
            ))}
          </ul>
        </details>
      </details>
    </aside>
  );
}
