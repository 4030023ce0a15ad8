/**
 * The diagnostics page's judgement, apart from the I/O that gathers its facts
 * (lib/operations/server/diagnostics.ts): each check takes what was found and says green, amber
 * or red, with the key of the one sentence (messages/*.json, `diagnostics.advice`) telling IT
 * what to do. Nothing here holds a secret: the facts are serials, ids, counts and outcomes.
 */

import type { CertificateRefresh } from '@/lib/wechatpay/certificates';
import type { MerchantCertificateFacts } from '@/lib/wechatpay/keys';

export type CheckStatus = 'green' | 'amber' | 'red';

/** The keys under `diagnostics.advice` in messages/*.json: what to do, one sentence each. */
export type Advice =
  | 'sandbox'
  | 'noPlans'
  | 'configured'
  | 'keyNotRsa'
  | 'keyTooShort'
  | 'keyFine'
  | 'certificateKeyMismatch'
  | 'certificateSerialMismatch'
  | 'merchantCertificateExpired'
  | 'merchantCertificateEnding'
  | 'keyMatchesCertificate'
  | 'publicKeyOnly'
  | 'noCertificatesButPublicKey'
  | 'noCertificates'
  | 'certificatesEnding'
  | 'certificateRefreshFailed'
  | 'certificatesFine'
  | 'reachable'
  | 'answerUnverified'
  | 'signatureRefused'
  | 'httpError'
  | 'unreachable'
  | 'clockFar'
  | 'clockDrifting'
  | 'clockFine'
  | 'clockUnknown'
  | 'databaseDown'
  | 'auditNotWritable'
  | 'databaseFine'
  | 'noLookups'
  | 'manyFailures'
  | 'lookupsFine';

export interface CheckResult {
  status: CheckStatus;
  advice: Advice;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A platform certificate this close to its end, with no newer one held, needs looking at. */
export const CERTIFICATE_WARNING_DAYS = 30;
/** WeChat refuses a signature 300 s off; well before that is worth a warning. */
export const SKEW_AMBER_SECONDS = 60;
export const SKEW_RED_SECONDS = 240;
const MIN_KEY_BITS = 2048;

export interface ConfigurationFacts {
  mode: 'sandbox' | 'merchant';
  schools: number;
  plans: number;
}

export function checkConfiguration(facts: ConfigurationFacts): CheckResult {
  // The sandbox is a working configuration: the advice says how to leave it.
  if (facts.mode === 'sandbox') return { status: 'green', advice: 'sandbox' };
  if (facts.plans === 0) return { status: 'amber', advice: 'noPlans' };
  return { status: 'green', advice: 'configured' };
}

export interface MerchantKeyFacts {
  /** 'rsa', or whatever else the key is. */
  type: string | undefined;
  bits: number | undefined;
  /** What the merchant certificate says, when WECHATPAY_MERCHANT_CERT_FILE gives one. */
  certificate?: MerchantCertificateFacts;
}

/**
 * The key itself, then the certificate beside it: a key that is not the certificate's, or a
 * serial that is not the certificate's, makes WeChat refuse every signature (SIGN_ERROR).
 */
export function checkMerchantKey(facts: MerchantKeyFacts, now: number): CheckResult {
  if (facts.type !== 'rsa') return { status: 'red', advice: 'keyNotRsa' };
  if ((facts.bits ?? 0) < MIN_KEY_BITS) return { status: 'red', advice: 'keyTooShort' };
  const { certificate } = facts;
  if (!certificate) return { status: 'green', advice: 'keyFine' };
  if (!certificate.keyMatches) return { status: 'red', advice: 'certificateKeyMismatch' };
  if (!certificate.serialMatches) return { status: 'red', advice: 'certificateSerialMismatch' };
  if (certificate.expire <= now) return { status: 'red', advice: 'merchantCertificateExpired' };
  if (certificate.expire - now < CERTIFICATE_WARNING_DAYS * DAY_MS) {
    return { status: 'amber', advice: 'merchantCertificateEnding' };
  }
  return { status: 'green', advice: 'keyMatchesCertificate' };
}

export interface HeldCertificate {
  serial: string;
  effective: number;
  expire: number;
}

export interface WechatKeysFacts {
  publicKeyId?: string;
  /** Certificate mode only: the platform certificates held now. */
  certificates?: readonly HeldCertificate[];
  /** Certificate mode only: how the last download ended (null before the first has). */
  lastRefresh?: CertificateRefresh | null;
}

/** The one status of a certificate: amber under 30 days to its end. */
export function certificateStatus(certificate: HeldCertificate, now: number): CheckStatus {
  return certificate.expire - now < CERTIFICATE_WARNING_DAYS * DAY_MS ? 'amber' : 'green';
}

export function checkWechatKeys(facts: WechatKeysFacts, now: number): CheckResult {
  if (facts.certificates === undefined) return { status: 'green', advice: 'publicKeyOnly' };
  if (facts.certificates.length === 0) {
    // With the public key too, answers are still verified while the certificates are missing.
    return facts.publicKeyId
      ? { status: 'amber', advice: 'noCertificatesButPublicKey' }
      : { status: 'red', advice: 'noCertificates' };
  }
  // Those held still verify, but a rotation would not be seen.
  if (facts.lastRefresh && !facts.lastRefresh.ok) return { status: 'amber', advice: 'certificateRefreshFailed' };
  const latest = Math.max(...facts.certificates.map((c) => c.expire));
  return latest - now < CERTIFICATE_WARNING_DAYS * DAY_MS
    ? { status: 'amber', advice: 'certificatesEnding' }
    : { status: 'green', advice: 'certificatesFine' };
}

/** How one signed call to one host ended. */
export type ProbeOutcome =
  | { kind: 'verified'; skewSeconds?: number }
  | { kind: 'unverified'; reason?: string }
  | { kind: 'http'; status?: number; code?: string; requestId?: string }
  | { kind: 'unreachable' };

export function checkReachability(outcome: ProbeOutcome): CheckResult {
  switch (outcome.kind) {
    case 'verified':
      return { status: 'green', advice: 'reachable' };
    case 'unverified':
      return { status: 'red', advice: 'answerUnverified' };
    case 'http':
      return outcome.code === 'SIGN_ERROR'
        ? { status: 'red', advice: 'signatureRefused' }
        : { status: 'red', advice: 'httpError' };
    case 'unreachable':
      return { status: 'red', advice: 'unreachable' };
  }
}

/** The largest skew among the verified answers; amber when none came to measure it by. */
export function checkClock(skewsSeconds: readonly number[]): CheckResult {
  if (skewsSeconds.length === 0) return { status: 'amber', advice: 'clockUnknown' };
  const worst = Math.max(...skewsSeconds.map(Math.abs));
  if (worst > SKEW_RED_SECONDS) return { status: 'red', advice: 'clockFar' };
  if (worst > SKEW_AMBER_SECONDS) return { status: 'amber', advice: 'clockDrifting' };
  return { status: 'green', advice: 'clockFine' };
}

export interface DatabaseFacts {
  reachable: boolean;
  auditWritable: boolean;
}

export function checkDatabase(facts: DatabaseFacts): CheckResult {
  if (!facts.reachable) return { status: 'red', advice: 'databaseDown' };
  if (!facts.auditWritable) return { status: 'red', advice: 'auditNotWritable' };
  return { status: 'green', advice: 'databaseFine' };
}

/** The last hour's lookups by outcome: failures from WeChat or the network outnumbering answers is amber. */
export function checkLastHour(byOutcome: Readonly<Record<string, number>>): CheckResult {
  const total = Object.values(byOutcome).reduce((sum, n) => sum + n, 0);
  if (total === 0) return { status: 'green', advice: 'noLookups' };
  const upstreamFailures = ['unverified', 'sign_error', 'timeout', 'network', 'unavailable', 'upstream', 'malformed']
    .map((kind) => byOutcome[kind] ?? 0)
    .reduce((sum, n) => sum + n, 0);
  return upstreamFailures * 2 > total
    ? { status: 'amber', advice: 'manyFailures' }
    : { status: 'green', advice: 'lookupsFine' };
}

/** The page's overall colour: its worst check. */
export function worstOf(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('red')) return 'red';
  return statuses.includes('amber') ? 'amber' : 'green';
}
