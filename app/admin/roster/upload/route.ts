import type { NextRequest } from 'next/server';
import { uploadRoster } from '@/lib/roster/server/roster-upload';
import { inRequest } from '@/lib/server/in-request';

/** A roster file previewed or imported (lib/roster/server/roster-upload.ts checks who, then reads it). */
export async function POST(request: NextRequest): Promise<Response> {
  return inRequest(() => uploadRoster(request));
}
