import { createDecipheriv } from 'node:crypto';

/** WeChat Pay's encrypted resource, as in `encrypt_certificate`. */
export interface EncryptedResource {
  algorithm: string;
  nonce: string;
  associated_data?: string | null;
  ciphertext: string;
}

const TAG_BYTES = 16;

/**
 * AEAD_AES_256_GCM as WeChat Pay uses it: key = the 32-byte APIv3 key, IV = the 12-character
 * nonce, AAD = associated_data, ciphertext = base64(data ‖ 16-byte tag). Throws when anything
 * was altered or the key is wrong: GCM authenticates all of it.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
