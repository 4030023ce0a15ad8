import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';

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

/** Parses the merchant's API certificate (apiclient_cert.pem), the public half of the private key. */
export function parseMerchantCertificate(pem: string): X509Certificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('not a PEM certificate ("-----BEGIN CERTIFICATE-----")');
  }
  return new X509Certificate(pem);
}

/** What the merchant certificate says of the key and serial configured beside it. */
export interface MerchantCertificateFacts {
  serial: string;
  /** The certificate holds the public half of the configured private key. */
  keyMatches: boolean;
  /** Its serial is WECHATPAY_MERCHANT_SERIAL_NO (what every request names as its key). */
  serialMatches: boolean;
  /** Epoch milliseconds of its end. */
  expire: number;
}

export function merchantCertificateFacts(
  certificate: X509Certificate,
  privateKey: KeyObject,
  serialNo: string,
): MerchantCertificateFacts {
  const serial = certificate.serialNumber.toUpperCase();
  return {
    serial,
    keyMatches: certificate.checkPrivateKey(privateKey),
    serialMatches: serial === serialNo.toUpperCase(),
    expire: Date.parse(certificate.validTo),
  };
}
