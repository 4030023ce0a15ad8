import { type KeyObject, X509Certificate } from 'node:crypto';
import * as v from 'valibot';
import { decryptResource } from './aead';
import { createVerifier, type KeyResolver, type Verifier } from './verifier';

/** A WeChat Pay platform certificate, decrypted and parsed. */
export interface PlatformCertificate {
  serial: string;
  key: KeyObject;
  effective: number;
  expire: number;
}

const certificatesAnswerSchema = v.object({
  data: v.array(
    v.object({
      serial_no: v.string(),
      effective_time: v.string(),
      expire_time: v.string(),
      encrypt_certificate: v.object({
        algorithm: v.string(),
        nonce: v.string(),
        associated_data: v.nullish(v.string()),
        ciphertext: v.string(),
      }),
    }),
  ),
});

/**
 * Reads a `GET /v3/certificates` answer: decrypts each certificate with the APIv3 key, checks
 * that the certificate's own serial is the listed one, and takes the stricter of the listed and
 * the certificate's validity dates. A certificate that fails any of this is left out.
 */
export function readCertificates(json: unknown, apiV3Key: string): PlatformCertificate[] {
  const parsed = v.safeParse(certificatesAnswerSchema, json);
  if (!parsed.success) return [];
  const certificates: PlatformCertificate[] = [];
  for (const item of parsed.output.data) {
    try {
      const certificate = new X509Certificate(decryptResource(item.encrypt_certificate, apiV3Key));
      if (certificate.serialNumber.toUpperCase() !== item.serial_no.toUpperCase()) continue;
      const effective = Math.max(Date.parse(item.effective_time), Date.parse(certificate.validFrom));
      const expire = Math.min(Date.parse(item.expire_time), Date.parse(certificate.validTo));
      if (Number.isNaN(effective) || Number.isNaN(expire)) continue;
      certificates.push({ serial: item.serial_no.toUpperCase(), key: certificate.publicKey, effective, expire });
    } catch {
      // Wrong key, altered ciphertext or not a certificate: not one we can trust.
    }
  }
  return certificates;
}

export interface CertificateStoreOptions {
  /** Performs the signed `GET /v3/certificates` and returns its JSON, verified by `verifier`. */
  download: (verifier: Verifier) => Promise<unknown>;
  apiV3Key: string;
  /** An unknown serial triggers a download at most this often (a probe must not make us hammer). */
  minRefreshIntervalMs?: number;
  /** Milliseconds, for certificate validity and refresh pacing; injectable for tests. */
  now?: () => number;
  /**
   * Other keys the download may be signed with: with both modes configured every request asks by
   * Wechatpay-Serial for the WeChat Pay public key, the certificate download included.
   */
  alsoTrust?: KeyResolver;
}

/** How the last download of the platform certificates ended. */
export interface CertificateRefresh {
  /** Epoch milliseconds it ended. */
  at: number;
  ok: boolean;
  /** Why it failed, in a few words (never a key). */
  error?: string;
}

export interface CertificateStore extends KeyResolver {
  /** Downloads the certificates now (concurrent callers share one download). */
  refresh(): Promise<void>;
  /** Serials of the certificates valid now. */
  serials(): string[];
  /** The certificates valid now, with their validity, for operators to see a rotation coming. */
  held(): Pick<PlatformCertificate, 'serial' | 'effective' | 'expire'>[];
  /** The last download's end and outcome; null before the first has ended. */
  lastRefresh(): CertificateRefresh | null;
  /** Refreshes every `intervalMs` in the background; returns a function that stops it. */
  refreshEvery(intervalMs: number, onError: (error: unknown) => void): () => void;
}

/**
 * Keeps every valid platform certificate by serial (old and new overlap during rotation). The
 * download is itself a signed answer: it is verified with the certificates already held or, for
 * the very first download and after a rotation, with the ones it delivers, which the APIv3 key's
 * AES-GCM has already authenticated, as WeChat's own SDKs do.
 */
export function createCertificateStore(options: CertificateStoreOptions): CertificateStore {
  const now = options.now ?? Date.now;
  const minInterval = options.minRefreshIntervalMs ?? 10_000;
  let certificates = new Map<string, PlatformCertificate>();
  let inFlight: Promise<void> | undefined;
  let lastDownload = Number.NEGATIVE_INFINITY;
  let lastRefresh: CertificateRefresh | null = null;

  const isValid = (certificate: PlatformCertificate | undefined) =>
    certificate !== undefined && certificate.effective <= now() && now() < certificate.expire;

  const downloadVerifier: Verifier = {
    verify(answer) {
      let delivered = new Map<string, PlatformCertificate>();
      try {
        delivered = new Map(readCertificates(JSON.parse(answer.body), options.apiV3Key).map((c) => [c.serial, c]));
      } catch {
        // Not JSON: the signature check below fails on its own.
      }
      const keys: KeyResolver = {
        keyFor: async (serial) =>
          (certificates.get(serial) ?? delivered.get(serial))?.key ?? (await options.alsoTrust?.keyFor(serial)),
      };
      // Freshness of the answer is judged on the real clock; `now` only moves certificate validity.
      return createVerifier({ keys }).verify(answer);
    },
  };

  async function download(): Promise<void> {
    lastDownload = now();
    try {
      const json = await options.download(downloadVerifier);
      const fresh = readCertificates(json, options.apiV3Key).filter(isValid);
      if (fresh.length > 0) certificates = new Map(fresh.map((c) => [c.serial, c]));
      lastRefresh =
        fresh.length > 0 ? { at: now(), ok: true } : { at: now(), ok: false, error: 'no valid certificate' };
    } catch (error) {
      lastRefresh = { at: now(), ok: false, error: error instanceof Error ? error.message : String(error) };
      throw error;
    }
  }

  function refresh(): Promise<void> {
    inFlight ??= download().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    refresh,
    serials: () => [...certificates.values()].filter(isValid).map((c) => c.serial),
    held: () =>
      [...certificates.values()]
        .filter(isValid)
        .map(({ serial, effective, expire }) => ({ serial, effective, expire })),
    lastRefresh: () => lastRefresh,
    async keyFor(serial) {
      const known = certificates.get(serial.toUpperCase());
      if (isValid(known)) return known?.key;
      // One more download for an unknown serial (a rotation we have not seen yet), shared by
      // concurrent lookups and never in a loop.
      try {
        if (inFlight) await inFlight;
        else if (now() - lastDownload >= minInterval) await refresh();
      } catch {
        // The download failed: the answer's key stays unknown, so the answer is refused as such.
        return undefined;
      }
      const fetched = certificates.get(serial.toUpperCase());
      return isValid(fetched) ? fetched?.key : undefined;
    },
    refreshEvery(intervalMs, onError) {
      const timer = setInterval(() => refresh().catch(onError), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/** Tries each resolver in turn: public-key mode and certificate mode side by side. */
export function anyOfKeys(...resolvers: KeyResolver[]): KeyResolver {
  return {
    async keyFor(serial) {
      for (const resolver of resolvers) {
        const key = await resolver.keyFor(serial);
        if (key) return key;
      }
      return undefined;
    },
  };
}
