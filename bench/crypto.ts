/**
 * 1. Crypto per lookup: sign one request + verify one answer, ops/s, four ways in the same
 * process, interleaved in rounds so that a noisy neighbour hits every variant alike:
 *   project  — lib/wechatpay's createSigner().authorization() + createVerifier().verify()
 *   limit    — plain node:crypto sign + verify with KeyObjects parsed once
 *   pem      — the same, handing the PEM text to node:crypto on every call (re-parsed each time)
 *   peer     — wechatpay-axios-plugin's Formatter + Rsa.sign / Rsa.verify, keys from its Rsa.from
 * Run alone: `npx tsx bench/crypto.ts` (add --json for machine output).
 */
import { generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { Bench } from 'tinybench';
import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import { listContracts } from '@/lib/sandbox/listing';
import { parseMerchantPrivateKey, parseWechatPayPublicKey } from '@/lib/wechatpay/keys';
import { AUTH_SCHEMA, createSigner, randomNonce, requestMessage } from '@/lib/wechatpay/signer';
import { createVerifier, responseMessage, staticKeys } from '@/lib/wechatpay/verifier';
import { DEMO } from './lib/demo';
import { grouped, median, ratio } from './lib/stats';

export type CryptoVariant = 'project' | 'limit' | 'pem' | 'peer';

export interface CryptoResult {
  /** Median over rounds of each variant's ops/s (from its median time per operation). */
  opsPerSecond: Record<CryptoVariant, number>;
  /** Median over rounds of the per-round ratio to the limit, measured side by side. */
  ratioToLimit: Record<CryptoVariant, number>;
  rounds: number;
  msPerVariantPerRound: number;
  peerVersion: string;
}

const VARIANTS: CryptoVariant[] = ['project', 'limit', 'pem', 'peer'];

function pem(key: KeyObject, type: 'pkcs8' | 'spki'): string {
  return key.export({ format: 'pem', type }) as string;
}

export async function runCryptoBench(rounds = 10, msPerRound = 250): Promise<CryptoResult> {
  // The merchant's key (signs requests) and "WeChat Pay"'s key (signs answers), as PEM files hold them.
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wechat = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantPem = pem(merchant.privateKey, 'pkcs8');
  const wechatPublicPem = pem(wechat.publicKey, 'spki');
  const publicKeyId = 'PUB_KEY_ID_0119000000012026BENCH';

  // One real answer: page 2 of the demo parent, as the sandbox writes it, signed by "WeChat".
  const target = `/v3/eduschoolpay/users/${DEMO.openid}/contracts?plan_id=${DEMO.planId}&contract_status=ALL&offset=${DEMO.offset}&limit=${DEMO.limit}`;
  const body = JSON.stringify(
    listContracts({
      openid: DEMO.openid,
      planId: DEMO.planId,
      status: 'ALL',
      offset: DEMO.offset,
      limit: DEMO.limit,
    }),
  );
  const answerTimestamp = String(Math.floor(Date.now() / 1000));
  const answerNonce = randomNonce();
  const answerSignature = sign(
    'sha256',
    Buffer.from(responseMessage(answerTimestamp, answerNonce, body)),
    wechat.privateKey,
  ).toString('base64');
  const headers = {
    'wechatpay-timestamp': answerTimestamp,
    'wechatpay-nonce': answerNonce,
    'wechatpay-signature': answerSignature,
    'wechatpay-serial': publicKeyId,
    'wechatpay-signature-type': AUTH_SCHEMA,
  };

  // project: the project's own key loading, signer and verifier.
  const signer = createSigner({
    mchid: '1900000001',
    serialNo: 'BENCH',
    privateKey: parseMerchantPrivateKey(merchantPem),
  });
  const verifier = createVerifier({
    keys: staticKeys(new Map([[publicKeyId, parseWechatPayPublicKey(wechatPublicPem)]])),
  });
  const project = async () => {
    signer.authorization('GET', target, '');
    const verdict = await verifier.verify({ headers, body });
    if (!verdict.ok) throw new Error(`project verifier refused the answer: ${verdict.reason}`);
  };

  // Sign the request and verify the answer with node:crypto alone, the keys and the answer's
  // signature as given: parsed once (limit), or as text parsed on every call (pem).
  const nodeCrypto =
    (name: string, privateKey: KeyObject | string, publicKey: KeyObject | string, signature: Buffer | string) => () => {
      const timestamp = Math.floor(Date.now() / 1000);
      sign('sha256', Buffer.from(requestMessage('GET', target, timestamp, answerNonce, '')), privateKey).toString(
        'base64',
      );
      const ok = verify(
        'sha256',
        Buffer.from(responseMessage(answerTimestamp, answerNonce, body)),
        publicKey,
        typeof signature === 'string' ? Buffer.from(signature, 'base64') : signature,
      );
      if (!ok) throw new Error(`${name} refused the answer`);
    };
  // limit: node:crypto and nothing else, keys parsed once.
  const limit = nodeCrypto('limit', merchant.privateKey, wechat.publicKey, Buffer.from(answerSignature, 'base64'));
  // pem: what naive code does — the PEM text goes to node:crypto, which parses it on every call.
  const naive = nodeCrypto('pem variant', merchantPem, wechatPublicPem, answerSignature);

  // peer: wechatpay-axios-plugin, as its decorator signs a request and verifies an answer.
  const peerPrivate = Rsa.from(merchantPem, Rsa.KEY_TYPE_PRIVATE);
  const peerPublic = Rsa.from(wechatPublicPem, Rsa.KEY_TYPE_PUBLIC);
  const peer = () => {
    const nonce = Formatter.nonce();
    const timestamp = Formatter.timestamp();
    const signature = Rsa.sign(Formatter.request('GET', target, timestamp, nonce, ''), peerPrivate);
    Formatter.authorization('1900000001', nonce, signature, timestamp, 'BENCH');
    const ok = Rsa.verify(Formatter.response(answerTimestamp, answerNonce, body), answerSignature, peerPublic);
    if (!ok) throw new Error('peer refused the answer');
  };

  // The project's verifier is async (a key may be fetched); every variant runs through the same
  // async path of the harness, so that its per-call overhead is not counted against one of them.
  const tasks: Record<CryptoVariant, () => Promise<void>> = {
    project,
    limit: async () => limit(),
    pem: async () => naive(),
    peer: async () => peer(),
  };
  for (const variant of VARIANTS) await tasks[variant]();

  const perRound: Record<CryptoVariant, number[]> = { project: [], limit: [], pem: [], peer: [] };
  const ratios: Record<CryptoVariant, number[]> = { project: [], limit: [], pem: [], peer: [] };
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: msPerRound, warmupTime: round === 0 ? 300 : 50 });
    // Rotate the order each round, so no variant always runs first or last.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    for (const variant of order) bench.add(variant, tasks[variant]);
    await bench.run();
    const hz: Partial<Record<CryptoVariant, number>> = {};
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      // The median time per operation resists a neighbour's burst better than the mean.
      hz[task.name as CryptoVariant] = 1000 / result.latency.p50;
    }
    for (const variant of VARIANTS) {
      perRound[variant].push(hz[variant] ?? Number.NaN);
      ratios[variant].push((hz[variant] ?? Number.NaN) / (hz.limit ?? Number.NaN));
    }
  }

  const opsPerSecond = Object.fromEntries(VARIANTS.map((v) => [v, median(perRound[v])])) as Record<
    CryptoVariant,
    number
  >;
  const ratioToLimit = Object.fromEntries(VARIANTS.map((v) => [v, median(ratios[v])])) as Record<CryptoVariant, number>;
  const peerVersion = (require('wechatpay-axios-plugin/package.json') as { version: string }).version;
  return { opsPerSecond, ratioToLimit, rounds, msPerVariantPerRound: msPerRound, peerVersion };
}

if (require.main === module) {
  runCryptoBench()
    .then((result) => {
      if (process.argv.includes('--json')) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      for (const variant of VARIANTS) {
        console.log(
          `${variant.padEnd(8)} ${grouped(result.opsPerSecond[variant]).padStart(7)} ops/s  ${ratio(result.ratioToLimit[variant])} of the limit`,
        );
      }
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
