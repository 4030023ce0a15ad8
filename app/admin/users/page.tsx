import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { CreateUserForm } from '@/components/staff/create-user-form';
import { UsersTable } from '@/components/staff/users-table';
import { listStaffAccounts } from '@/lib/staff/server/accounts';
import { requireAdminPage } from '@/lib/staff/server/session';

/** User management for admins: create accounts, disable and re-enable them, reset passwords, change roles. */
export default async function UsersPage() {
  const access = await requireAdminPage('/admin/users');
  if (!access.ok) return <ForbiddenNotice staff={access.staff} current="users" />;
  const accounts = await listStaffAccounts();
  const t = await getTranslations('users');
  return (
    <AdminPage staff={access.admin} current="users" title={t('title')} intro={t('intro')}>
      <CreateUserForm />
      <UsersTable accounts={accounts} selfId={access.admin.userId} />
    </AdminPage>
  );
}
