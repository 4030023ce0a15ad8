import { useTranslations } from 'next-intl';
import { ThemeControl } from '@/components/theme/theme-control';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { Link } from '@/components/ui/link';
import { CONTRACTS_PATH } from '@/lib/paths';
import type { Staff } from '@/lib/staff/server/session';
import { LanguageSwitch } from './language-switch';
import { SignOutForm } from './sign-out-form';

const linkClass =
  'rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white';

/**
 * The app's title, where staff can go (a school admin: their schools' audit trail and accounts;
 * the provider admin: every admin page), the language, who is signed in, and sign-out.
 */
/** The places the header links to; an admin page is any but the contracts page. */
export type Place = 'contracts' | 'audit' | 'users' | 'schools' | 'diagnostics' | 'roster';
export type AdminPlace = Exclude<Place, 'contracts'>;

export function AppHeader({ staff, current }: { staff: Staff; current: Place }) {
  const t = useTranslations();
  const links = [
    { key: 'contracts', href: CONTRACTS_PATH, label: t('nav.contracts') },
    ...(staff.role !== 'staff'
      ? [
          { key: 'audit', href: '/admin/audit', label: t('nav.audit') },
          { key: 'users', href: '/admin/users', label: t('nav.users') },
          { key: 'roster', href: '/admin/roster', label: t('nav.roster') },
        ]
      : []),
    ...(staff.role === 'admin'
      ? [
          { key: 'schools', href: '/admin/schools', label: t('nav.schools') },
          { key: 'diagnostics', href: '/admin/diagnostics', label: t('nav.diagnostics') },
        ]
      : []),
  ];
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4">
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-lg font-semibold tracking-tight">{t('app.title')}</p>
        <nav aria-label={t('nav.label')} className="flex gap-1">
          {links.map((link) => (
            <Link
              key={link.key}
              href={link.href}
              className={linkClass}
              aria-current={link.key === current ? 'page' : undefined}
            >
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-3">
        <ThemeControl />
        <LanguageSwitch />
        <SignOutForm className="flex items-center gap-3 text-sm text-slate-600">
          <span>{t('login.signedInAs', { name: staff.username, role: t(`roles.${staff.role}`) })}</span>
          <button type="submit" className={secondaryButtonClass}>
            {t('login.signOut')}
          </button>
        </SignOutForm>
      </div>
    </header>
  );
}
