import { checkReadiness } from '@/lib/operations/server/readiness';

export const dynamic = 'force-dynamic';

/** Ready: the database answers and the keys are loaded (200), else 503 naming the failing part. */
export async function GET(): Promise<Response> {
  const { status, body } = await checkReadiness();
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
