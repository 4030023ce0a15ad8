import 'server-only';
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { actRecord } from '@/lib/audit/acts';
import { appendAudit } from '@/lib/audit/server/store';
import { getGateway } from '@/lib/gateway/gateway';
import type { Origin } from '@/lib/schools/roles';
import { getStore, type Store } from '@/lib/server/db/database';
import { getSettings } from '@/lib/settings/settings';
import { isWechatPayError } from '@/lib/wechatpay/errors';
import { merchantCertificateFacts } from '@/lib/wechatpay/keys';
import { firstHeader } from '@/lib/wechatpay/verifier';
import type { MerchantKeyFacts, ProbeOutcome, WechatKeysFacts } from '../diagnostics';

const HOUR_MS = 60 * 60 * 1000;
/** WeChat's certificate download: certificate mode makes it anyway, and it names no parent. */
const CERTIFICATES_PATH = '/v3/certificates';
/** A parent who does not exist: asking for their contracts changes nothing and tells WeChat nothing. */
const PROBE_OPENID = 'oDiagnosticsProbe0000000000000';

interface ProbeCall {
  path: string;
  query: Record<string, string | number>;
}

export interface HostProbe {
  role: 'primary' | 'backup';
  host: string;
  latencyMs: number;
  outcome: ProbeOutcome;
}

/** What the diagnostics page shows, gathered now. No key, APIv3 key or password is in it. */
export interface DiagnosticsFacts {
  configuration: {
    mode: 'sandbox' | 'merchant';
    mchid: string;
    keyModes: ('publicKey' | 'certificates')[];
    merchantSerial: string;
    publicKeyId?: string;
    schools: number;
    plans: number;
  };
  merchantKey: MerchantKeyFacts;
  wechatKeys: WechatKeysFacts;
  hosts: HostProbe[];
  /** Until when the failover breaker sends calls to the backup host (epoch ms), or null. */
  onBackupUntil: number | null;
  database: {
    kind: Store['type'];
    schemaVersion: string | null;
    sizeBytes: number | null;
    reachable: boolean;
    auditWritable: boolean;
  };
  lastHour: Record<string, number>;
}

function outcomeOf(error: unknown): ProbeOutcome {
  if (!isWechatPayError(error)) return { kind: 'unreachable' };
  if (error.kind === 'unverified') return { kind: 'unverified', reason: (error.detail as { reason?: string }).reason };
  if (error.kind === 'http')
    return { kind: 'http', status: error.status, code: error.code, requestId: error.requestId };
  return { kind: 'unreachable' };
}

/**
 * The call that tests a host: one WeChat signs with the keys this server holds. The certificate
 * download is signed with a platform certificate, which public-key mode cannot check; there a
 * lookup of a parent who does not exist, in one of our plans, is signed with the public key.
 */
async function probeCall(store: Store | null, certificateMode: boolean): Promise<ProbeCall> {
  if (certificateMode) return { path: CERTIFICATES_PATH, query: {} };
  const stored = await store?.db
    .selectFrom('plan')
    .select('plan_id')
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  // Before any school is set up: a plan the environment names (the sandbox's demo plans).
  const planId = stored?.plan_id ?? getSettings().plans[0]?.planId;
  if (!planId) return { path: CERTIFICATES_PATH, query: {} };
  return {
    path: `/v3/eduschoolpay/users/${PROBE_OPENID}/contracts`,
    query: { plan_id: planId, contract_status: 'ALL', offset: 0, limit: 1 },
  };
}

/** One signed call to one host, now, with its own one-attempt client. */
async function probe(role: HostProbe['role'], baseUrl: string, call: ProbeCall): Promise<HostProbe> {
  const { client } = await getGateway();
  let skewSeconds: number | undefined;
  const hostClient = client.forHost(baseUrl, (answer) => {
    skewSeconds = Number(firstHeader(answer.headers, 'wechatpay-timestamp')) - Date.now() / 1000;
  });
  const started = performance.now();
  let outcome: ProbeOutcome;
  try {
    await hostClient.get(call.path, call.query);
    outcome = { kind: 'verified', skewSeconds };
  } catch (error) {
    outcome = outcomeOf(error);
  } finally {
    await hostClient.close();
  }
  return { role, host: new URL(baseUrl).host, latencyMs: Math.round(performance.now() - started), outcome };
}

async function countOf(store: Store, table: 'school' | 'plan'): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function schemaVersion(store: Store): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
    store.db,
  );
  return rows[0]?.name ?? null;
}

async function lastHour(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('audit_log')
    .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('at', '>=', Date.now() - HOUR_MS)
    .where('action', 'in', ['lookup', 'export'])
    .groupBy('outcome')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.n)]));
}

/** The database's part; a database that does not answer is a fact to show, not an error page. */
async function databaseFacts(origin: Origin) {
  const settings = getSettings().storage.database;
  let store: Store;
  try {
    store = await getStore();
    await sql`select 1`.execute(store.db);
  } catch {
    const kind = settings.kind === 'postgres' ? 'postgres' : 'sqlite';
    return {
      store: null,
      database: { kind, schemaVersion: null, sizeBytes: null, reachable: false, auditWritable: false } as const,
    };
  }
  let auditWritable = true;
  try {
    // A real record: proof the trail accepts writes, and the page's own audit record.
    await appendAudit(store.db, actRecord(origin, 'diagnostics', { subject: null, school: null }));
  } catch {
    auditWritable = false;
  }
  return {
    store,
    database: {
      kind: store.type,
      schemaVersion: await schemaVersion(store),
      sizeBytes: store.type === 'sqlite' ? statSync(store.where).size : null,
      reachable: true,
      auditWritable,
    },
  };
}

/** Everything the page shows, asked now: the database, then both hosts at once. */
export async function gatherDiagnostics(origin: Origin): Promise<DiagnosticsFacts> {
  const settings = getSettings();
  const { client, merchant } = await getGateway();
  const { store, database } = await databaseFacts(origin);
  const call = await probeCall(store, merchant.apiV3Key !== undefined);
  const hosts = await Promise.all([
    probe('primary', merchant.baseUrl, call),
    ...(merchant.backupBaseUrl ? [probe('backup', merchant.backupBaseUrl, call)] : []),
  ]);
  const keyModes: DiagnosticsFacts['configuration']['keyModes'] = [];
  if (merchant.publicKey) keyModes.push('publicKey');
  if (merchant.apiV3Key) keyModes.push('certificates');
  const details = merchant.privateKey.asymmetricKeyDetails;
  return {
    configuration: {
      mode: settings.wechatpay.mode,
      mchid: merchant.mchid,
      keyModes,
      merchantSerial: merchant.serialNo,
      publicKeyId: merchant.publicKey?.id,
      schools: store ? await countOf(store, 'school') : 0,
      plans: store ? await countOf(store, 'plan') : 0,
    },
    merchantKey: {
      type: merchant.privateKey.asymmetricKeyType,
      bits: details?.modulusLength,
      certificate: merchant.merchantCertificate
        ? merchantCertificateFacts(merchant.merchantCertificate, merchant.privateKey, merchant.serialNo)
        : undefined,
    },
    wechatKeys: {
      publicKeyId: merchant.publicKey?.id,
      certificates: client.certificates?.held(),
      lastRefresh: client.certificates?.lastRefresh(),
    },
    hosts,
    onBackupUntil: client.onBackupUntil(),
    database,
    lastHour: store ? await lastHour(store) : {},
  };
}
