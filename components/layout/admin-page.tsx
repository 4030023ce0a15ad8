import type { ReactNode } from 'react';
import type { Staff } from '@/lib/staff/server/session';
import { type AdminPlace, AppHeader } from './app-header';

interface AdminPageProps {
  staff: Staff;
  current: AdminPlace;
  title: string;
  intro?: string;
  children: ReactNode;
}

/** The frame of an admin page: the app's header, the page's title and what it is for. */
export function AdminPage({ staff, current, title, intro, children }: AdminPageProps) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <AppHeader staff={staff} current={current} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      </div>
      {children}
    </div>
  );
}
