'use client';

import { Suspense, use, useSyncExternalStore } from 'react';
import { FailurePanel } from '@/components/ui/failure-panel';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import './globals.css';

/**
 * What stands in for the whole app when its root layout fails: no layout, so no language provider
 * and none of its styles; this page brings its own. The language is the cookie's (zh-CN unless it
 * says en), read in the browser; the rendering on the server, which cannot read it here, is in
 * zh-CN. The messages come as their own chunk when this page is shown, so no page carries them
 * for a failure that may never come.
 */

type Messages = typeof import('@/messages/zh-CN.json');

const catalogs = new Map<Locale, Promise<Messages>>();

function catalog(locale: Locale): Promise<Messages> {
  let loading = catalogs.get(locale);
  if (!loading) {
    loading = import(`../messages/${locale}.json`).then((module: { default: Messages }) => module.default);
    catalogs.set(locale, loading);
  }
  return loading;
}

function cookieLocale(): Locale {
  const value = document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

const unchanging = () => () => {};

function Failure({ locale, retry }: { locale: Locale; retry: () => void }) {
  const messages = use(catalog(locale));
  return (
    <FailurePanel
      title={messages.failure.pageTitle}
      titleAs="h1"
      retryLabel={messages.states.retry}
      onRetry={retry}
      retrying={false}
    >
      <p className="mt-1 text-sm">{messages.failure.pageBody}</p>
    </FailurePanel>
  );
}

export default function AppFailure({ retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(unchanging, cookieLocale, () => DEFAULT_LOCALE);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4">
          <Suspense fallback={null}>
            <Failure locale={locale} retry={retry} />
          </Suspense>
        </main>
      </body>
    </html>
  );
}
