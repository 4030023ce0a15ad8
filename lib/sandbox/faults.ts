/**
 * Reserved openids that make the sandbox misbehave the way WeChat Pay (or the road to it) can,
 * so every failure can be shown in a browser and tested. They exist only in the sandbox, which
 * runs only when no merchant is configured. Faults apply on both hosts unless the story says so.
 */
export type FaultName =
  | 'system-error'
  | 'tampered'
  | 'signature-probe'
  | 'unsigned'
  | 'rate-limited'
  | 'stale-timestamp'
  | 'unknown-serial'
  | 'malformed-json'
  | 'numeric-ids'
  | 'data-not-array'
  | 'sign-error'
  | 'no-auth'
  | 'not-found'
  | 'system-error-once'
  | 'slow'
  | 'primary-down'
  | 'one-plan-down';

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
  { openid: 'sandbox_fault_stale_timestamp', name: 'stale-timestamp', story: '应答时间戳是 10 分钟前的（疑似重放）' },
  { openid: 'sandbox_fault_unknown_serial', name: 'unknown-serial', story: '应答由未知的密钥签名' },
  { openid: 'sandbox_fault_malformed_json', name: 'malformed-json', story: '签名正确但内容不是 JSON' },
  { openid: 'sandbox_fault_numeric_ids', name: 'numeric-ids', story: '签约 ID 是数字而不是字符串（会丢位）' },
  { openid: 'sandbox_fault_data_not_array', name: 'data-not-array', story: '应答中的 data 不是列表' },
  { openid: 'sandbox_fault_sign_error', name: 'sign-error', story: '微信支付验签失败（401 签名错误）' },
  { openid: 'sandbox_fault_no_auth', name: 'no-auth', story: '商户无权限（403）' },
  { openid: 'sandbox_fault_not_found', name: 'not-found', story: '资源不存在（404）' },
  { openid: 'sandbox_fault_system_error_once', name: 'system-error-once', story: '偶发 500 系统错误，重试一次即可' },
  { openid: 'sandbox_fault_slow', name: 'slow', story: '微信支付迟迟不应答（超时）' },
  { openid: 'sandbox_fault_primary_down', name: 'primary-down', story: '主域名连接中断，备用域名正常' },
  {
    openid: 'sandbox_fault_one_plan_down',
    name: 'one-plan-down',
    story: '全部签约模板查询时，其中一个模板返回 500 系统错误，其他模板正常',
  },
];

export function faultFor(openid: string): Fault | undefined {
  return FAULTS.find((fault) => fault.openid === openid);
}

/** What the page shows of a fault: the openid to try and what staff should see. */
type FaultSummary = Pick<Fault, 'openid' | 'story'>;

export const FAULT_SUMMARIES: readonly FaultSummary[] = FAULTS.map(({ openid, story }) => ({ openid, story }));
