import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { LoginForm } from '@/components/staff/login-form';
import { ThemeControl } from '@/components/theme/theme-control';
import { DEMO_SCHOOLS } from '@/lib/sandbox';
import { getSettings } from '@/lib/settings/settings';
import { DEMO_ACCOUNTS } from '@/lib/staff/demo-account';
import { safeReturnPath } from '@/lib/staff/return-path';
import { currentStaff } from '@/lib/staff/server/session';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' ? raw : undefined;
  if (await currentStaff()) redirect(safeReturnPath(next));
  // The demo accounts exist only in sandbox mode when no first admin was configured.
  const { wechatpay, access } = getSettings();
  const showDemo = wechatpay.mode === 'sandbox' && !access.admin;
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{t('app.title')}</p>
          <h1 className="text-2xl font-semibold">{t('login.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('login.intro')}</p>
        </div>
        <LanguageSwitch />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <LoginForm next={next} />
      </div>
      {showDemo && (
        <aside
          aria-label={t('login.sandboxTitle')}
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p className="font-medium">{t('login.sandboxTitle')}</p>
          <table className="mt-2 w-full text-left">
            <thead className="text-xs text-amber-900">
              <tr>
                <th scope="col">{t('login.username')}</th>
                <th scope="col">{t('login.password')}</th>
                <th scope="col">{t('login.demoRole')}</th>
                <th scope="col">{t('login.demoSchools')}</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((account) => (
                <tr key={account.username}>
                  <td className="font-mono">{account.username}</td>
                  <td className="font-mono">{account.password}</td>
                  <td>{t(`roles.${account.role}`)}</td>
                  <td>
                    {account.role === 'admin'
                      ? t('login.demoAllSchools')
                      : DEMO_SCHOOLS.filter((school) => account.schools.includes(school.key))
                          .map((school) => school.name)
                          .join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
      )}
      <ThemeControl className="self-center" />
    </main>
  );
}
