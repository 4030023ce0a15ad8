/**
 * The direct baseline of 2.: a plain Node process that holds a sandbox and the project's WeChat
 * Pay client, made by the functions lib/gateway/gateway.ts makes them with (sandbox-merchant.ts,
 * merchant-client.ts), and makes signed, verified lookups of the same page the server action
 * asks for. Like the Next.js server, it runs the sandbox and the client on one event loop: the
 * difference between the two is what Next.js, React and the server action add.
 *
 * Driven by the orchestrator over stdin/stdout, one JSON object per line:
 *   → {"cmd":"run","concurrency":8,"seconds":5}   ← {"latenciesMs":[…],"ok":n,"errors":n,"elapsedMs":n,"cpuMs":n}
 *   → {"cmd":"exit"}
 * A line "ready" is printed once the sandbox listens.
 */
import { createInterface } from 'node:readline';
import { createMerchantClient } from '@/lib/gateway/merchant-client';
import { startSandboxMerchant } from '@/lib/gateway/sandbox-merchant';
import { DEFAULT_RESILIENCE } from '@/lib/settings/resilience';
import type { LoadRun } from './lib/action';
import { DEMO, expectedPageTwoCodes } from './lib/demo';

/** One run of the direct side; its cpuMs is what this process (client and sandbox) used. */
export type DirectRun = LoadRun;

/**
 * Patient (10 s an attempt, three attempts' worth in all): the baseline measures how long an
 * answer takes. Calls in flight are bounded as in the server.
 */
const BENCH_RESILIENCE = { ...DEFAULT_RESILIENCE, attemptTimeoutMs: 10_000, deadlineMs: 30_000 };

async function main() {
  const { sandbox, merchant } = await startSandboxMerchant();
  const client = createMerchantClient(merchant, {
    resilience: BENCH_RESILIENCE,
    userAgent: 'eduschoolpay-dashboard-bench/0.1 (direct baseline)',
    // The sandbox signs with its public key: there are no platform certificates to download.
    onCertificateError: (error) => console.error(error),
  });
  const path = `/v3/eduschoolpay/users/${encodeURIComponent(DEMO.openid)}/contracts`;
  const params = { plan_id: DEMO.planId, contract_status: 'ALL', offset: DEMO.offset, limit: DEMO.limit };
  const expected = expectedPageTwoCodes();

  function isExpected(json: unknown): boolean {
    const data = (json as { data?: { out_contract_code?: string }[]; total_count?: number }).data;
    // The sandbox answers in the documented order (signed first) for this parent.
    return (
      Array.isArray(data) &&
      (json as { total_count?: number }).total_count === DEMO.total &&
      data.length === expected.length &&
      data.every((row, i) => row.out_contract_code === expected[i])
    );
  }

  async function run(concurrency: number, seconds: number): Promise<DirectRun> {
    const latenciesMs: number[] = [];
    let ok = 0;
    let errors = 0;
    let firstError: string | undefined;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const loop = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const answer = await client.get(path, params);
          const t1 = performance.now();
          if (answer.status === 200 && isExpected(answer.json)) {
            ok += 1;
            latenciesMs.push(t1 - t0);
          } else {
            errors += 1;
            firstError ??= `unexpected answer (status ${answer.status})`;
          }
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { latenciesMs, ok, errors, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, firstError };
  }

  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as { cmd: 'run'; concurrency: number; seconds: number } | { cmd: 'exit' };
    if (command.cmd === 'exit') break;
    const result = await run(command.concurrency, command.seconds);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  await client.close();
  await sandbox.close();
  // Exit explicitly (and so write a --cpu-prof profile) even if a keep-alive socket lingers.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
