'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { signOut } from '@/lib/staff/server/sign-in-actions';

/**
 * 退出登录 on a shared office PC: the next person must find nothing of this session in the tab.
 * Before the page's script runs the form posts itself and the action answers with the login page.
 * With the script, the session is ended first, then the login page loaded in full in place of this
 * one (never a soft navigation): React Query's cache and the router's copies of the pages go with
 * the document, and Back finds pages the browser may not keep (Cache-Control: no-store), which
 * the server now answers with the login page.
 */
export function SignOutForm({ className, children }: { className?: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await signOut();
    } catch {
      // Whatever came back (the page redrawn without a session sends it to the login page; or the
      // server did not answer), the login page loaded next shows whether the clerk is still signed in.
    }
    queryClient.clear();
    window.location.replace('/login');
  }
  return (
    <form action={signOut} onSubmit={onSubmit} className={className}>
      {children}
    </form>
  );
}
