import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { ThemeControl } from '@/components/theme/theme-control';
import { safeReturnPath } from '@/lib/auth/return-path';
import { messages } from '@/lib/messages/zh-CN';
import { DEMO_ADMIN } from '@/lib/sandbox/demo-admin';
import { isSandboxMode, parseAccessSettings } from '@/lib/server/config';
import { currentStaff } from '@/lib/server/session';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' ? raw : undefined;
  if (await currentStaff()) redirect(safeReturnPath(next));
  // The demo account exists only in sandbox mode when no first admin was configured.
  const showDemo = isSandboxMode() && !parseAccessSettings(process.env).admin;
  const m = messages.login;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <p className="text-sm text-slate-600">{messages.app.title}</p>
        <h1 className="text-2xl font-semibold">{m.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{m.intro}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <LoginForm next={next} />
      </div>
      {showDemo && (
        <aside
          aria-label={m.sandboxTitle}
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p className="font-medium">{m.sandboxTitle}</p>
          <p className="mt-1">
            {m.username}：<span className="font-mono">{DEMO_ADMIN.username}</span>　{m.password}：
            <span className="font-mono">{DEMO_ADMIN.password}</span>
          </p>
        </aside>
      )}
      <ThemeControl className="self-center" />
    </main>
  );
}
