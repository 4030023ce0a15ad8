import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { requestTheme } from '@/lib/theme/request-theme';
import { themeAttribute } from '@/lib/theme/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: t('title'), description: t('subtitle') };
}

// The provider hands client components the request's locale, time zone and that locale's messages only.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // The diagnostics page is rendered on the server for the provider admin only; its advice names
  // the server's configuration variables, which no browser needs to carry.
  const { diagnostics: _serverOnly, ...messages } = await getMessages();
  return (
    <html lang={locale} data-theme={themeAttribute(await requestTheme())}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={messages}>
          <QueryProvider>{children}</QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
