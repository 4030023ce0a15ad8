/**
 * Reserved openids that make the sandbox misbehave the way WeChat Pay (or the road to it) can,
 * so every failure can be shown in a browser and tested. They exist only in the sandbox, which
 * runs only when no merchant is configured.
 */
export type FaultName = 'system-error' | 'tampered' | 'signature-probe' | 'unsigned' | 'rate-limited';

export interface Fault {
  openid: string;
  name: FaultName;
  /** What staff should see, for the demo list. */
  story: string;
}

export const FAULTS: Fault[] = [
  { openid: 'sandbox_fault_system_error', name: 'system-error', story: '微信支付返回 500 系统错误' },
  { openid: 'sandbox_fault_tampered', name: 'tampered', story: '应答内容在签名后被篡改' },
  { openid: 'sandbox_fault_signtest', name: 'signature-probe', story: '微信支付的签名探测（SIGNTEST）' },
  { openid: 'sandbox_fault_unsigned', name: 'unsigned', story: '没有签名的成功应答' },
  { openid: 'sandbox_fault_rate_limited', name: 'rate-limited', story: '查询过于频繁（429）' },
];

export function faultFor(openid: string): Fault | undefined {
  return FAULTS.find((fault) => fault.openid === openid);
}
