'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { config } from 'zod/v4/core';
import { getQueryClient } from '@/lib/query-client';

// The pages' script policy (lib/server/content-security-policy.ts) allows no eval, and zod's
// one-time probe for it (new Function) would be refused and reported as a violation on every
// page that validates. Validation in the browser needs no compiled fast path: zod is told not to probe.
config({ jitless: true });

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
