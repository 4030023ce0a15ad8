import { useTranslations } from 'next-intl';
import type { LookupError } from '@/lib/contracts/failure';
import { RequestIdLine } from './request-id-line';

interface LookupErrorPanelProps {
  error: LookupError;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed lookup: what happened and what to do, WeChat's code and Request-ID, and no data. */
export function LookupErrorPanel({ error, onRetry, retrying }: LookupErrorPanelProps) {
  const t = useTranslations();
  // Each failure's title and body are keyed by its kind; a refused search is said as the URL's problem.
  const text =
    error.kind === 'invalid_input'
      ? { title: t('states.invalidUrl'), body: '' }
      : { title: t(`errors.${error.kind}.title`), body: t(`errors.${error.kind}.body`) };
  return (
    <div
      role="alert"
      aria-labelledby="lookup-error-title"
      className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-red-950"
    >
      <p id="lookup-error-title" className="text-base font-semibold">
        {text.title}
      </p>
      <p className="mt-1 text-sm">
        {text.body}
        {error.upstreamMessage && (
          <span className="ml-1">{t('states.upstreamQuote', { message: error.upstreamMessage })}</span>
        )}
      </p>
      <div className="mt-3 space-y-0.5">
        {error.code && (
          <p className="text-xs text-slate-600">
            {t.rich('states.codeLine', {
              code: error.code,
              mono: (text) => <span className="font-mono">{text}</span>,
            })}
            {error.status ? (
              <span className="ml-1 font-mono">{t('states.httpStatus', { status: error.status })}</span>
            ) : null}
          </p>
        )}
        {error.requestId && <RequestIdLine requestId={error.requestId} />}
        {error.requestId && <p className="text-xs text-slate-600">{t('states.requestIdHint')}</p>}
      </div>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-4 rounded-md bg-white px-4 py-1.5 text-sm font-medium text-red-900 shadow-sm ring-1 ring-red-300 hover:bg-red-100 disabled:opacity-60"
      >
        {t('states.retry')}
      </button>
    </div>
  );
}
