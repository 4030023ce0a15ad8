import Link from 'next/link';
import { signOut } from '@/app/login/actions';
import { ThemeControl } from '@/components/theme/theme-control';
import { messages } from '@/lib/messages/zh-CN';
import type { Staff } from '@/lib/server/session';

const linkClass =
  'rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white';

/** The app's title, where staff can go (admins see the admin pages), who is signed in, and sign-out. */
export function AppHeader({ staff, current }: { staff: Staff; current: 'contracts' | 'audit' | 'users' }) {
  const nav = messages.nav;
  const links = [
    { key: 'contracts', href: '/contracts', label: nav.contracts },
    ...(staff.role === 'admin'
      ? [
          { key: 'audit', href: '/admin/audit', label: nav.audit },
          { key: 'users', href: '/admin/users', label: nav.users },
        ]
      : []),
  ];
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4">
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-lg font-semibold tracking-tight">{messages.app.title}</p>
        <nav aria-label={nav.label} className="flex gap-1">
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
      <ThemeControl className="ml-auto" />
      <form action={signOut} className="flex items-center gap-3 text-sm text-slate-600">
        <span>{messages.login.signedInAs(staff.username, messages.login.roles[staff.role])}</span>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50"
        >
          {messages.login.signOut}
        </button>
      </form>
    </header>
  );
}
