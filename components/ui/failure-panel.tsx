import { type ReactNode, useId } from 'react';

interface FailurePanelProps {
  /** What failed, in a word or two: the alert is named by it. */
  title: string;
  /** The heading a page's own failure gives it; a failure within a page is a paragraph. */
  titleAs?: 'h1' | 'p';
  /** What happened and what to do. */
  children: ReactNode;
  retryLabel: string;
  onRetry: () => void;
  retrying: boolean;
}

/** A failure, announced at once: what failed, what to do, and a way to try again. No data. */
export function FailurePanel({
  title,
  titleAs: Title = 'p',
  children,
  retryLabel,
  onRetry,
  retrying,
}: FailurePanelProps) {
  const titleId = useId();
  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-red-950"
    >
      <Title id={titleId} className="text-base font-semibold">
        {title}
      </Title>
      {children}
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-4 rounded-md bg-white px-4 py-1.5 text-sm font-medium text-red-900 shadow-sm ring-1 ring-red-300 hover:bg-red-100 disabled:opacity-60"
      >
        {retryLabel}
      </button>
    </div>
  );
}
