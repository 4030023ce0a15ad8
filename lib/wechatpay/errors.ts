/**
 * The one error the WeChat Pay client throws. It carries everything staff and operators need
 * to act on a failure: what kind of failure it was, the HTTP status and WeChat's error code when
 * WeChat answered, WeChat's message (untrusted text: display and log only), and the Request-ID
 * that WeChat support asks for.
 */
export type WechatPayErrorKind =
  /** WeChat answered with a non-2xx status. */
  | 'http'
  /** A 2xx answer whose signature could not be verified: its body must never be used. */
  | 'unverified'
  /** A verified 2xx answer whose body is not the JSON we expect. */
  | 'malformed'
  /** No answer in time. */
  | 'timeout'
  /** The connection failed (refused, reset, DNS…). */
  | 'network'
  /** The caller stopped waiting (a clerk cancelled an export): says nothing about WeChat. */
  | 'cancelled'
  /** Too many calls were in flight here to start this one in time: not sent, says nothing about WeChat. */
  | 'busy';

export interface WechatPayErrorFields {
  kind: WechatPayErrorKind;
  status?: number;
  code?: string;
  requestId?: string;
  /** Operator-only detail, e.g. WeChat's `truncated_sign_message` on SIGN_ERROR. */
  detail?: unknown;
  cause?: unknown;
}

/**
 * Marks our errors without relying on `instanceof`: Next.js can load this module once per bundle
 * (instrumentation, pages, actions), and an error made by one copy is no instance of another's.
 */
export function isWechatPayError(error: unknown): error is WechatPayError {
  return (
    error instanceof Error && error.name === 'WechatPayError' && typeof (error as WechatPayError).kind === 'string'
  );
}

export class WechatPayError extends Error {
  readonly kind: WechatPayErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly detail?: unknown;

  constructor(message: string, fields: WechatPayErrorFields) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'WechatPayError';
    this.kind = fields.kind;
    this.status = fields.status;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.detail = fields.detail;
  }
}
