import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/layout/admin-page';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';
import { CreateUserForm } from '@/components/staff/create-user-form';
import { UsersTable } from '@/components/staff/users-table';
import { schoolsInScope } from '@/lib/schools/scope';
import { listSchools } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { rolesOffered } from '@/lib/staff/account-input';
import { listAccounts } from '@/lib/staff/server/account-service';
import { requireStaffPage } from '@/lib/staff/server/session';

/**
 * User management: the provider admin for every account, a school admin for their schools' staff
 * (the list is scoped, and each action is checked again by the account service). Staff are told no.
 */
export default async function UsersPage() {
  const staff = await requireStaffPage('/admin/users');
  if (staff.role === 'staff') return <ForbiddenNotice staff={staff} current="users" />;
  const { db } = await getStore();
  const [accounts, allSchools] = await Promise.all([listAccounts(db, staff), listSchools(db)]);
  const schools = schoolsInScope(staff, allSchools).map(({ key, name }) => ({ key, name }));
  const roles = rolesOffered(staff.role);
  const t = await getTranslations('users');
  return (
    <AdminPage staff={staff} current="users" title={t('title')} intro={t('intro')}>
      <CreateUserForm roles={roles} schools={schools} />
      <UsersTable accounts={accounts} selfId={staff.userId} roles={roles} schools={schools} />
    </AdminPage>
  );
}
