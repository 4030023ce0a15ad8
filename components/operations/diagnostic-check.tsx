import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { CheckResult } from '@/lib/operations/diagnostics';

const STATUS_CLASS = {
  green: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  amber: 'border-amber-300 bg-amber-50 text-amber-950',
  red: 'border-red-300 bg-red-50 text-red-950',
} as const;

export interface Fact {
  label: string;
  value: ReactNode;
}

/** One check: its name and status in words (colour is never the only sign), the facts, what to do. */
export function DiagnosticCheck({ title, result, facts }: { title: string; result: CheckResult; facts: Fact[] }) {
  const t = useTranslations('diagnostics');
  return (
    <section aria-label={title} className={`rounded-lg border px-5 py-4 ${STATUS_CLASS[result.status]}`}>
      <h2 className="flex flex-wrap items-baseline justify-between gap-2 text-base font-semibold">
        <span>{title}</span>
        <span className="text-sm font-medium">{t(`status.${result.status}`)}</span>
      </h2>
      {facts.length > 0 && (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="font-medium">{fact.label}</dt>
              <dd className="break-all">{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="mt-2 text-sm">{t(`advice.${result.advice}`)}</p>
    </section>
  );
}
