/**
 * Alive: the process answers HTTP. No database, no WeChat Pay, no session, nothing secret, so a
 * load balancer may poll it as often as it likes. /readyz says whether it can serve lookups.
 */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ alive: true }, { headers: { 'Cache-Control': 'no-store' } });
}
