import { useTranslations } from 'next-intl';
import type { SchoolChoice } from '@/lib/schools/choice';

interface PlanChoicesProps {
  /** The schools whose plans are offered, each with its plans by name. */
  schools: readonly SchoolChoice[];
  /** The plan id in the field: its plan shows as chosen. */
  value: string;
  onChoose: (planId: string) => void;
}

/**
 * The school's plans by name, so a clerk never needs a plan id by heart; one group per school
 * offered, named after it. Buttons, not radios: the field beside them stays the one value the
 * form sends, and a typed id still works.
 */
export function PlanChoices({ schools, value, onChoose }: PlanChoicesProps) {
  const t = useTranslations('plans');
  const offered = schools.filter((school) => school.plans.length > 0);
  if (offered.length === 0) return null;
  return (
    <div className="mt-2 flex flex-col gap-2">
      {offered.map((school) => (
        <fieldset key={school.key} aria-describedby="plan-choices-hint">
          <legend className="mb-1 text-xs font-medium text-slate-600">{t('legend', { school: school.name })}</legend>
          <div className="flex flex-wrap gap-1.5">
            {school.plans.map((plan) => (
              <button
                key={plan.planId}
                type="button"
                aria-pressed={plan.planId === value.trim()}
                onClick={() => onChoose(plan.planId)}
                className="flex items-baseline gap-1.5 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-900"
              >
                <span className="font-medium">{plan.name}</span>{' '}
                <span className="font-mono text-xs text-slate-600">{plan.planId}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      <p id="plan-choices-hint" className="text-xs text-slate-600">
        {t('hint')}
      </p>
    </div>
  );
}
