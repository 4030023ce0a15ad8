'use client';

import type { CellContext } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable } from '@/components/ui/data-table/data-table';
import { type DataTableFeatures, dataTableColumnHelper } from '@/components/ui/data-table/features';
import { useDataTable } from '@/components/ui/data-table/use-data-table';
import type { SchoolOption, StaffAccount } from '@/lib/staff/account';
import type { UserRole } from '@/lib/staff/account-input';
import { formatBeijingDateTime } from '@/lib/time/beijing';
import { UserRowActions } from './user-row-actions';

function RoleBadge({ role }: { role: string }) {
  const t = useTranslations('roles');
  const admin = role === 'admin';
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${
        admin ? 'bg-blue-100 text-blue-800' : 'bg-slate-100 text-slate-700'
      }`}
    >
      {role === 'admin' || role === 'school_admin' || role === 'staff' ? t(role) : role}
    </span>
  );
}

function StatusBadge({ banned }: { banned: boolean }) {
  const t = useTranslations('users.status');
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${
        banned ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-800'
      }`}
    >
      {banned ? t('disabled') : t('active')}
    </span>
  );
}

/** An account, whether it is the signed-in admin's own, its schools by name, and what may be given it. */
type AccountRow = StaffAccount & {
  self: boolean;
  schoolNames: string;
  rolesOffered: readonly UserRole[];
  schoolsOffered: readonly SchoolOption[];
};

const column = dataTableColumnHelper<AccountRow>();
const rowId = (account: AccountRow) => account.id;

// The cells are components of their own, the same on every render: a cell made anew (say when the
// page's messages arrive again after an action) would be a new component, and its row's actions
// would lose the message they are showing.
type Cell<TValue> = CellContext<DataTableFeatures, AccountRow, TValue>;

function UsernameCell({ row }: Cell<string>) {
  const t = useTranslations('users');
  return (
    <>
      {row.original.username}
      {row.original.self && <span className="ml-1 font-sans text-slate-500">{t('you')}</span>}
    </>
  );
}

const RoleCell = ({ getValue }: Cell<string>) => <RoleBadge role={getValue()} />;
const StatusCell = ({ getValue }: Cell<boolean>) => <StatusBadge banned={getValue()} />;
const CreatedCell = ({ getValue }: Cell<number>) => formatBeijingDateTime(getValue());
const ActionsCell = ({ row }: Cell<unknown>) =>
  row.original.manageable ? (
    <UserRowActions
      user={row.original}
      self={row.original.self}
      roles={row.original.rolesOffered}
      schools={row.original.schoolsOffered}
    />
  ) : (
    <NotManageable />
  );

/** A clerk shared with another school (or an admin): a school admin sees them but may not change them. */
function NotManageable() {
  const t = useTranslations('users');
  return <span className="text-sm text-slate-500">{t('notManageable')}</span>;
}

interface UsersTableProps {
  accounts: StaffAccount[];
  selfId: string;
  /** The roles the signed-in admin may give. */
  roles: readonly UserRole[];
  /** The schools they may give. */
  schools: readonly SchoolOption[];
}

/** Every account with what an admin can do to it; the signed-in admin's own row says why it offers less. */
export function UsersTable({ accounts, selfId, roles, schools }: UsersTableProps) {
  const t = useTranslations('users');
  const rows = useMemo(
    () =>
      accounts.map((account) => ({
        ...account,
        self: account.id === selfId,
        schoolNames: account.schools.map((key) => schools.find((school) => school.key === key)?.name ?? key).join('、'),
        rolesOffered: roles,
        schoolsOffered: schools,
      })),
    [accounts, selfId, roles, schools],
  );
  const columns = useMemo(
    () => [
      // The username names the row for screen readers.
      column.accessor('username', {
        header: t('columns.username'),
        meta: { rowHeader: true, className: 'font-mono font-medium' },
        cell: UsernameCell,
      }),
      column.accessor('role', { header: t('columns.role'), cell: RoleCell }),
      column.accessor('schoolNames', { id: 'schools', header: t('columns.schools') }),
      column.accessor('banned', { id: 'status', header: t('columns.status'), cell: StatusCell }),
      column.accessor('createdAt', {
        header: t('columns.createdAt'),
        meta: { className: 'whitespace-nowrap tabular-nums' },
        cell: CreatedCell,
      }),
      column.display({ id: 'actions', header: t('columns.actions'), cell: ActionsCell }),
    ],
    [t],
  );
  const table = useDataTable({ columns, data: rows, getRowId: rowId });
  return (
    <section aria-labelledby="users-caption" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h2 id="users-caption" className="text-base font-semibold">
          {t('caption')}
        </h2>
        <p className="text-sm text-slate-600">{t('count', { count: accounts.length })}</p>
      </div>
      {/* Not a region of its own: this section, named by the heading above, is. */}
      <DataTable table={table} caption={t('caption')} region={false} />
    </section>
  );
}
