import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { messages } from '@/lib/messages/zh-CN';
import { requestTheme } from '@/lib/server/theme';
import { themeAttribute } from '@/lib/theme/theme';
import './globals.css';

export const metadata: Metadata = {
  title: messages.app.title,
  description: messages.app.subtitle,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN" data-theme={themeAttribute(await requestTheme())}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
