import { useTranslations } from 'next-intl';
import { FailurePanel } from '@/components/ui/failure-panel';
import type { LookupError } from '@/lib/contracts/failure';
import { RequestIdLine } from './request-id-line';

interface LookupErrorPanelProps {
  /** The lookup's failure; null when the dashboard's own server did not answer (down, restarting, or the connection dropped). */
  error: LookupError | null;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed lookup: what happened and what to do, WeChat's code and Request-ID, and no data. */
export function LookupErrorPanel({ error, onRetry, retrying }: LookupErrorPanelProps) {
  const t = useTranslations();
  // Each failure's title and body are keyed by its kind; a refused search is said as the URL's problem.
  const text =
    error === null
      ? { title: t('failure.serverTitle'), body: t('failure.serverBody') }
      : error.kind === 'invalid_input'
        ? { title: t('states.invalidUrl'), body: '' }
        : { title: t(`errors.${error.kind}.title`), body: t(`errors.${error.kind}.body`) };
  return (
    <FailurePanel title={text.title} retryLabel={t('states.retry')} onRetry={onRetry} retrying={retrying}>
      <p className="mt-1 text-sm">
        {text.body}
        {error?.upstreamMessage && (
          <span className="ml-1">{t('states.upstreamQuote', { message: error.upstreamMessage })}</span>
        )}
      </p>
      <div className="mt-3 space-y-0.5">
        {error?.code && (
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
        {error?.requestId && <RequestIdLine requestId={error.requestId} />}
        {error?.requestId && <p className="text-xs text-slate-600">{t('states.requestIdHint')}</p>}
      </div>
    </FailurePanel>
  );
}
