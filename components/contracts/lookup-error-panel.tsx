import type { LookupError, LookupErrorKind } from '@/lib/contracts/lookup';
import { messages } from '@/lib/messages/zh-CN';
import { RequestIdLine } from './request-id-line';

type ErrorText = { title: string; body: string };
const e = messages.errors;

const TEXT: Record<LookupErrorKind, ErrorText> = {
  unauthenticated: e.unauthenticated,
  staff_rate_limited: e.staffRateLimited,
  invalid_input: { title: messages.states.invalidUrl, body: '' },
  unverified: e.unverified,
  malformed: e.malformed,
  timeout: e.timeout,
  network: e.network,
  param: e.param,
  sign_error: e.signError,
  no_auth: e.noAuth,
  not_found: e.notFound,
  rate_limited: e.rateLimited,
  unavailable: e.unavailable,
  upstream: e.upstream,
  internal: e.internal,
};

interface LookupErrorPanelProps {
  error: LookupError;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed lookup: what happened and what to do, WeChat's code and Request-ID, and no data. */
export function LookupErrorPanel({ error, onRetry, retrying }: LookupErrorPanelProps) {
  const text = TEXT[error.kind];
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
        {error.upstreamMessage && <span className="ml-1">“{error.upstreamMessage}”</span>}
      </p>
      <div className="mt-3 space-y-0.5">
        {error.code && (
          <p className="text-xs text-slate-600">
            {messages.states.code}：<span className="font-mono">{error.code}</span>
            {error.status ? <span className="ml-1 font-mono">(HTTP {error.status})</span> : null}
          </p>
        )}
        {error.requestId && <RequestIdLine requestId={error.requestId} />}
        {error.requestId && <p className="text-xs text-slate-600">{messages.states.requestIdHint}</p>}
      </div>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-4 rounded-md bg-white px-4 py-1.5 text-sm font-medium text-red-900 shadow-sm ring-1 ring-red-300 hover:bg-red-100 disabled:opacity-60"
      >
        {messages.states.retry}
      </button>
    </div>
  );
}
