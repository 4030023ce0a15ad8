/**
 * 6. All plans at once (issue 12): the wall time of one all-plans search of a school with 3 plans
 * against one single-plan lookup, with WeChat (the sandbox, as a real merchant's endpoint)
 * answering every request after 100 ms. Goal ≤ 1.3×: the plans are asked concurrently, so the
 * search should take about one answer's time, not three.
 *
 * Both sides go through the server functions the pages and actions call (lookupAllPlansAs and
 * lookupContractsAs: scope from the database, rate count, signed call, verified answer, audit
 * record), on a SQLite file of the run's own, interleaved so the machine's noise falls on both.
 *
 * Run alone: `npx tsx --conditions react-server bench/all-plans.ts` (add --json for machine output).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PLANS, SANDBOX_MCHID, startSandbox } from '@/lib/sandbox';
import { type AllPlansBench, allPlansRows } from './lib/all-plans-report';
import { median } from './lib/stats';

const DELAY_MS = 100;
const ROUNDS = 30;
const WARM_UP = 3;
/** 李先生: contracts in two of the three plans, none in the third. */
const OPENID = 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'eduschoolpay-bench-all-plans-'));
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serialNo = randomBytes(20).toString('hex').toUpperCase();
  const sandbox = await startSandbox({
    merchant: { mchid: SANDBOX_MCHID, serialNo, publicKey: keys.publicKey },
    answerDelayMs: DELAY_MS,
  });
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  // The sandbox as a real merchant's WeChat Pay, configured as an operator would: settings read once.
  Object.assign(process.env, {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: '',
    DASHBOARD_LOOKUPS_PER_MINUTE: '100000',
    WECHATPAY_MCHID: SANDBOX_MCHID,
    WECHATPAY_MERCHANT_SERIAL_NO: serialNo,
    WECHATPAY_PRIVATE_KEY_FILE: file(
      'apiclient_key.pem',
      keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ),
    WECHATPAY_PUBLIC_KEY_ID: sandbox.publicKeyId,
    WECHATPAY_PUBLIC_KEY_FILE: file(
      'pub_key.pem',
      sandbox.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
    WECHATPAY_BASE_URL: sandbox.url,
    WECHATPAY_BACKUP_BASE_URL: sandbox.backupUrl,
  });
  try {
    const { getStore } = await import('@/lib/server/db/database');
    const { COMMAND_LINE } = await import('@/lib/schools/roles');
    const { addPlan, addSchool } = await import('@/lib/schools/server/school-service');
    const { lookupContractsAs } = await import('@/lib/contracts/server/staff-lookup');
    const { lookupAllPlansAs } = await import('@/lib/contracts/server/all-plans-lookup');
    const store = await getStore();
    await addSchool(store, COMMAND_LINE, { key: 'bench', name: '测速小学' });
    for (const plan of DEMO_PLANS) await addPlan(store, COMMAND_LINE, { schoolKey: 'bench', ...plan });
    const clerk = { userId: 'bench', username: 'bench', role: 'staff' as const, schools: ['bench'] };
    const single = { openid: OPENID, plan_id: DEMO_PLANS[0].planId, contract_status: 'ALL', offset: 0, limit: 20 };
    const all = { openid: OPENID, contract_status: 'ALL' as const, limit: 20 };

    async function timed(work: () => Promise<boolean>): Promise<number> {
      const started = performance.now();
      if (!(await work())) throw new Error('a lookup failed: the figures would not be of lookups');
      return performance.now() - started;
    }
    const oneLookup = () => timed(async () => (await lookupContractsAs(clerk, single, null)).ok);
    const allPlans = () =>
      timed(async () => {
        const result = await lookupAllPlansAs(clerk, all, null);
        return result.ok && result.groups.length === DEMO_PLANS.length && result.groups.every((g) => g.result.ok);
      });

    for (let i = 0; i < WARM_UP; i++) await Promise.all([oneLookup(), allPlans()]);
    const singleMs: number[] = [];
    const allPlansMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternating which goes first, one at a time: neither side waits behind the other.
      if (i % 2 === 0) {
        singleMs.push(await oneLookup());
        allPlansMs.push(await allPlans());
      } else {
        allPlansMs.push(await allPlans());
        singleMs.push(await oneLookup());
      }
    }
    await store.db.destroy();
    const result: AllPlansBench = {
      delayMs: DELAY_MS,
      plans: DEMO_PLANS.length,
      rounds: ROUNDS,
      singleMs,
      allPlansMs,
      ratio: median(allPlansMs) / median(singleMs),
    };
    return result;
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then((result) => {
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else for (const row of allPlansRows(result)) console.log(row.join(' · '));
    // The database pool and the client's keep-alive sockets would hold the process open.
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
