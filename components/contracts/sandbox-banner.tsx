import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import { contractsHref } from '@/lib/contracts/search-input';
import { DEMO_PARENT_SUMMARIES, DEMO_PLANS, FAULT_SUMMARIES } from '@/lib/sandbox';

interface SandboxBannerProps {
  /** Open on a first visit. */
  showDemos: boolean;
  /** The plans the clerk may look up: only their demo parents are offered. */
  plans: readonly NamedPlan[];
  /** A provider admin, who may look up any plan: every demo parent is offered. */
  anyPlan: boolean;
}

/**
 * Says plainly that the data is simulated, and offers demo parents to try: those of the clerk's
 * own schools only, so no other school's plan reaches their page.
 */
export function SandboxBanner({ showDemos, plans, anyPlan }: SandboxBannerProps) {
  const t = useTranslations('sandbox');
  const reachable = (planId: string) => anyPlan || plans.some((plan) => plan.planId === planId);
  const parents = DEMO_PARENT_SUMMARIES.filter((parent) => reachable(parent.planId));
  // The faults answer for any plan: shown with one the clerk may look up.
  const faultPlan = anyPlan ? DEMO_PLANS[0].planId : plans[0]?.planId;
  return (
    <aside
      aria-label={t('label')}
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-medium">{t('banner')}</p>
      <details className="mt-2" open={showDemos}>
        <summary className="cursor-pointer text-amber-900 underline underline-offset-2">{t('demoTitle')}</summary>
        <ul className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {parents.map((parent) => (
            <li key={parent.openid}>
              <Link
                className="font-medium text-blue-800 underline underline-offset-2"
                href={contractsHref(parent.openid, parent.planId)}
              >
                {parent.name}
              </Link>
              <span className="text-amber-900">
                （{planName(plans, parent.planId) ?? planName(DEMO_PLANS, parent.planId) ?? parent.planId}）：
                {parent.story}
              </span>
              <div className="font-mono text-xs text-amber-800">{parent.openid}</div>
            </li>
          ))}
        </ul>
        {faultPlan && (
          <details className="mt-3">
            <summary className="cursor-pointer text-amber-900">{t('faultTitle')}</summary>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {FAULT_SUMMARIES.map((fault) => (
                <li key={fault.openid}>
                  <Link
                    className="text-blue-800 underline underline-offset-2"
                    href={contractsHref(fault.openid, faultPlan)}
                  >
                    {fault.story}
                  </Link>
                  <span className="ml-1 font-mono text-xs text-amber-800">{fault.openid}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </details>
    </aside>
  );
}
