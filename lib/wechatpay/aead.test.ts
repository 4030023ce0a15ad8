import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptResource, type EncryptedResource } from './aead';

const API_V3_KEY = 'Wx9pQ2rT5vY8zB1cD4fG7hJ0kL3mN6pS';
const NONCE = 'a1b2c3d4e5f6';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB…test…\n-----END CERTIFICATE-----\n';

/** Encrypts as WeChat Pay does, with node:crypto directly: base64(ciphertext ‖ 16-byte tag). */
function encrypt(plaintext: string, key = API_V3_KEY, nonce = NONCE, aad = 'certificate'): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', nonce, associated_data: aad, ciphertext: data.toString('base64') };
}

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

describe('decryptResource', () => {
  it('decrypts a certificate encrypted with the APIv3 key, its 12-byte nonce and associated data', () => {
    expect(decryptResource(encrypt(PEM), API_V3_KEY)).toBe(PEM);
  });

  it('decrypts with an absent associated_data as the empty string', () => {
    const resource = encrypt(PEM, API_V3_KEY, NONCE, '');
    expect(decryptResource({ ...resource, associated_data: undefined }, API_V3_KEY)).toBe(PEM);
  });

  it('refuses a flipped byte in the ciphertext', () => {
    const resource = encrypt(PEM);
    expect(() => decryptResource({ ...resource, ciphertext: flipByte(resource.ciphertext, 3) }, API_V3_KEY)).toThrow();
  });

  it('refuses a flipped byte in the tag', () => {
    const resource = encrypt(PEM);
    const last = Buffer.from(resource.ciphertext, 'base64').length - 1;
    expect(() =>
      decryptResource({ ...resource, ciphertext: flipByte(resource.ciphertext, last) }, API_V3_KEY),
    ).toThrow();
  });

  it('refuses altered associated data and an altered nonce', () => {
    const resource = encrypt(PEM);
    expect(() => decryptResource({ ...resource, associated_data: 'certificatf' }, API_V3_KEY)).toThrow();
    expect(() => decryptResource({ ...resource, nonce: 'a1b2c3d4e5f7' }, API_V3_KEY)).toThrow();
  });

  it('refuses another APIv3 key, a key of the wrong length and another algorithm', () => {
    const resource = encrypt(PEM);
    expect(() => decryptResource(resource, randomBytes(16).toString('hex'))).toThrow();
    expect(() => decryptResource(resource, 'short')).toThrow(/32 bytes/);
    expect(() => decryptResource({ ...resource, algorithm: 'AEAD_AES_128_GCM' }, API_V3_KEY)).toThrow(/unsupported/);
  });

  it('refuses a ciphertext too short to hold a tag', () => {
    expect(() =>
      decryptResource({ ...encrypt(PEM), ciphertext: Buffer.alloc(8).toString('base64') }, API_V3_KEY),
    ).toThrow(/too short/);
  });
});
