/**
 * Test-only helpers: keys the tests make themselves, temp files, and OpenSSL as the independent
 * implementation that signatures are cross-checked against. Never imported by product code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RsaKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** "-----BEGIN PRIVATE KEY-----", the form WeChat issues apiclient_key.pem in. */
  pkcs8Pem: string;
  /** "-----BEGIN RSA PRIVATE KEY-----", the form that means the wrong file was picked. */
  pkcs1Pem: string;
  /** "-----BEGIN PUBLIC KEY-----". */
  publicPem: string;
}

export function generateRsaKeys(): RsaKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A PKCS#8 P-256 private key: well-formed, but not the RSA key WeChat Pay needs. */
export function generateEcPkcs8Pem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface TempDir {
  path: string;
  /** Writes a file in the directory and returns its full path. */
  write(name: string, content: string | Buffer): string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'eduschoolpay-test-'));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** `openssl dgst -sha256 -sign key.pem -out sig.bin msg.txt`: RSASSA-PKCS1-v1_5 over the exact bytes. */
export function opensslSign(privatePem: string, message: string): Buffer {
  const dir = makeTempDir();
  try {
    const key = dir.write('key.pem', privatePem);
    const msg = dir.write('msg.txt', Buffer.from(message, 'utf8'));
    const sig = join(dir.path, 'sig.bin');
    execFileSync('openssl', ['dgst', '-sha256', '-sign', key, '-out', sig, msg], { stdio: 'pipe' });
    return readFileSync(sig);
  } finally {
    dir.remove();
  }
}

/** `openssl dgst -sha256 -verify pub.pem -signature sig.bin msg.txt`: its stdout and exit status. */
export function opensslVerify(publicPem: string, message: string, signature: Buffer): { ok: boolean; output: string } {
  const dir = makeTempDir();
  try {
    const pub = dir.write('pub.pem', publicPem);
    const msg = dir.write('msg.txt', Buffer.from(message, 'utf8'));
    const sig = dir.write('sig.bin', signature);
    const run = spawnSync('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sig, msg], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    dir.remove();
  }
}

/**
 * `openssl req -x509`: a self-signed certificate of `privatePem`'s key with the given serial (hex)
 * and days of validity, as a merchant API certificate (apiclient_cert.pem) stands beside its key.
 */
export function opensslCertificate(privatePem: string, serialHex: string, days: number): string {
  const dir = makeTempDir();
  try {
    const key = dir.write('key.pem', privatePem);
    const out = join(dir.path, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-key',
        key,
        '-subj',
        '/CN=1900000001/O=Merchant',
        '-days',
        String(days),
        '-set_serial',
        `0x${serialHex}`,
        '-out',
        out,
      ],
      { stdio: 'pipe' },
    );
    return readFileSync(out, 'utf8');
  } finally {
    dir.remove();
  }
}
