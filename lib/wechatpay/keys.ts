import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Parses the merchant's API private key (apiclient_key.pem). WeChat issues it as PKCS#8
 * ("BEGIN PRIVATE KEY"); a PKCS#1 ("BEGIN RSA PRIVATE KEY") file usually means the wrong file was
 * picked, so it is refused with a message that says so rather than silently accepted.
 */
export function parseMerchantPrivateKey(pem: string): KeyObject {
  if (!pem.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new Error('not a PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----")');
  }
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/** Parses a WeChat Pay public key (pub_key.pem) or a certificate holding one. */
export function parseWechatPayPublicKey(pem: string): KeyObject {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----') && !pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('not a PEM public key ("-----BEGIN PUBLIC KEY-----")');
  }
  const key = createPublicKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}
