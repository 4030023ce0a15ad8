import { AUTH_SCHEMA } from '@/lib/wechatpay/signer';

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

const FIELDS = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;

/** Reads `WECHATPAY2-SHA256-RSA2048 k="v",…` as WeChat does; null when any part is missing. */
export function parseAuthorization(header: string | undefined): AuthorizationFields | null {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return null;
  const values = new Map<string, string>();
  for (const match of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    values.set(match[1], match[2]);
  }
  const fields: Partial<AuthorizationFields> = {};
  for (const name of FIELDS) {
    const value = values.get(name);
    if (!value) return null;
    fields[name] = value;
  }
  return fields as AuthorizationFields;
}
