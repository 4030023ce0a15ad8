import type { NextRequest } from 'next/server';
import { getGateway } from '@/lib/gateway/gateway';
import { metricsAccess } from '@/lib/operations/metrics-access';
import { getMetrics, showBreaker, showCertificates } from '@/lib/operations/server/metrics';
import { getSettings } from '@/lib/settings/settings';

export const dynamic = 'force-dynamic';

/**
 * Prometheus's scrape. Off (404, as if there were no such page) unless DASHBOARD_METRICS_TOKEN is
 * set; then only with `Authorization: Bearer <token>` (401 otherwise). No openid, no staff name.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const access = metricsAccess(getSettings().operations.metricsToken, request.headers.get('authorization'));
  if (access === 'off') return new Response('Not Found', { status: 404 });
  if (access === 'refused') {
    return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' } });
  }
  const { client } = await getGateway();
  showCertificates(client.certificates?.held() ?? []);
  showBreaker(client.onBackupUntil());
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
