import { sign, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEcPkcs8Pem, generateRsaKeys, opensslCertificate, type RsaKeys } from '@/test-support/keys';
import {
  merchantCertificateFacts,
  parseMerchantCertificate,
  parseMerchantPrivateKey,
  parseWechatPayPublicKey,
} from './keys';

let keys: RsaKeys;
beforeAll(() => {
  keys = generateRsaKeys();
});

describe('parseMerchantPrivateKey', () => {
  it('accepts a PKCS#8 RSA key ("BEGIN PRIVATE KEY") and gives a key that signs', () => {
    const key = parseMerchantPrivateKey(keys.pkcs8Pem);
    expect(key.type).toBe('private');
    expect(key.asymmetricKeyType).toBe('rsa');
    const signature = sign('sha256', Buffer.from('x'), key);
    expect(verify('sha256', Buffer.from('x'), keys.publicKey, signature)).toBe(true);
  });

  it('refuses a PKCS#1 key ("BEGIN RSA PRIVATE KEY") with a message naming PKCS#8', () => {
    expect(keys.pkcs1Pem).toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect(() => parseMerchantPrivateKey(keys.pkcs1Pem)).toThrow(/PKCS#8/);
  });

  it('refuses an EC key, saying an RSA key was expected', () => {
    expect(() => parseMerchantPrivateKey(generateEcPkcs8Pem())).toThrow('expected an RSA key, got ec');
  });

  it('refuses a public key or a certificate in place of the private key', () => {
    expect(() => parseMerchantPrivateKey(keys.publicPem)).toThrow(/PKCS#8/);
  });
});

describe('parseWechatPayPublicKey', () => {
  it('accepts a PEM public key', () => {
    const key = parseWechatPayPublicKey(keys.publicPem);
    expect(key.type).toBe('public');
    expect(key.asymmetricKeyType).toBe('rsa');
  });

  it('refuses text that is not a PEM public key', () => {
    expect(() => parseWechatPayPublicKey('PUB_KEY_ID_0114')).toThrow(/BEGIN PUBLIC KEY/);
  });
});

describe('the merchant certificate beside the key', () => {
  const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';

  it('pairs with its own key and serial, and says when it ends', () => {
    const certificate = parseMerchantCertificate(opensslCertificate(keys.pkcs8Pem, SERIAL, 30));
    const facts = merchantCertificateFacts(certificate, keys.privateKey, SERIAL.toLowerCase());
    expect(facts).toMatchObject({ serial: SERIAL, keyMatches: true, serialMatches: true });
    expect(facts.expire - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(facts.expire - Date.now()).toBeLessThan(31 * 24 * 3600 * 1000);
  });

  it('does not pair with another key, nor with another serial', () => {
    const certificate = parseMerchantCertificate(opensslCertificate(generateRsaKeys().pkcs8Pem, SERIAL, 30));
    expect(merchantCertificateFacts(certificate, keys.privateKey, SERIAL).keyMatches).toBe(false);
    expect(merchantCertificateFacts(certificate, keys.privateKey, '1234ABCD').serialMatches).toBe(false);
  });

  it('refuses a file that is not a PEM certificate, saying so', () => {
    expect(() => parseMerchantCertificate(keys.publicPem)).toThrow(/not a PEM certificate/);
  });
});
