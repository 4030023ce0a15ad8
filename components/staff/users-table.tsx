import { useTranslations } from 'next-intl';
import type { StaffAccount } from '@/lib/staff/account';
import { formatBeijingDateTime } from '@/lib/time/beijing';
import { UserRowActions } from './user-row-actions';

function RoleBadge({ role }: { role: string }) {
  const t = useTranslations('roles');
  const admin = role === 'admin';
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${
        admin ? 'bg-blue-100 text-blue-800' : 'bg-slate-100 text-slate-700'
      }`}
    >
      {role === 'admin' || role === 'staff' ? t(role) : role}
    </span>
  );
}

function StatusBadge({ banned }: { banned: boolean }) {
  const t = useTranslations('users.status');
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${
        banned ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-800'
      }`}
    >
      {banned ? t('disabled') : t('active')}
    </span>
  );
}

/** Every account with what an admin can do to it; the signed-in admin's own row says why it offers less. */
export function UsersTable({ accounts, selfId }: { accounts: StaffAccount[]; selfId: string }) {
  const t = useTranslations('users');
  return (
    <section aria-labelledby="users-caption" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h2 id="users-caption" className="text-base font-semibold">
          {t('caption')}
        </h2>
        <p className="text-sm text-slate-600">{t('count', { count: accounts.length })}</p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {(['username', 'role', 'status', 'createdAt', 'actions'] as const).map((column) => (
                <th key={column} scope="col" className="px-3 py-2.5 font-medium whitespace-nowrap">
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const self = account.id === selfId;
              return (
                <tr key={account.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
                  <th scope="row" className="px-3 py-2.5 font-mono font-medium">
                    {account.username}
                    {self && <span className="ml-1 font-sans text-slate-500">{t('you')}</span>}
                  </th>
                  <td className="px-3 py-2.5">
                    <RoleBadge role={account.role} />
                  </td>
                  <td className="px-3 py-2.5">
                    <StatusBadge banned={account.banned} />
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">
                    {formatBeijingDateTime(account.createdAt)}
                  </td>
                  <td className="px-3 py-2.5">
                    <UserRowActions user={account} self={self} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
