import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { ForbiddenNotice } from '@/components/admin/forbidden-notice';
import { CreateUserForm } from '@/components/admin/users/create-user-form';
import { UsersTable } from '@/components/admin/users/users-table';
import { requireAdminPage } from '@/lib/server/session';
import { listStaffAccounts } from '@/lib/server/staff-accounts';

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
