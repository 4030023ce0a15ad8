'use client';

import { useTranslations } from 'next-intl';
import { FailurePanel } from '@/components/ui/failure-panel';

/**
 * A page that could not be rendered (its database unavailable, the server failing): said in the
 * page's language, with a retry that asks the server again, instead of Next.js's English default.
 * The root layout, and so the language, is still there; what fails above it is global-error.tsx.
 */
export default function PageFailure({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4">
      <FailurePanel
        title={t('failure.pageTitle')}
        titleAs="h1"
        retryLabel={t('states.retry')}
        onRetry={retry}
        retrying={false}
      >
        <p className="mt-1 text-sm">{t('failure.pageBody')}</p>
      </FailurePanel>
    </main>
  );
}
