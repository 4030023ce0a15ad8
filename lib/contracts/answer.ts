import * as v from 'valibot';
import { plainObject } from '@/lib/validation/validate';

/**
 * The verified answer of `GET /v3/eduschoolpay/users/{openid}/contracts`. Every field may be
 * absent (WeChat documents none as guaranteed). Ids must be strings: a number would already have
 * lost digits in JSON.parse, so an answer with numeric ids is refused rather than shown wrong.
 */
const text = v.nullish(v.string());

export const contractSchema = plainObject({
  contract_id: text,
  mchid: text,
  appid: text,
  openid: text,
  plan_id: text,
  contract_status: text,
  create_time: text,
  out_contract_code: text,
});

/** A count or a position: a whole number (a safe integer) of at least `min`. */
const count = (min: number) => v.nullish(v.pipe(v.number(), v.safeInteger(), v.minValue(min)));

export const contractsAnswerSchema = plainObject({
  data: v.nullish(v.array(contractSchema)),
  offset: count(0),
  limit: count(1),
  total_count: count(0),
  links: v.nullish(plainObject({ self: text, next: text, prev: text })),
});

export type Contract = v.InferOutput<typeof contractSchema>;
export type ContractsAnswer = v.InferOutput<typeof contractsAnswerSchema>;

/**
 * The verified answer of `GET /v3/eduschoolpay/contracts/{contract_id}`: one contract with the list
 * item's fields, held to the same rules (ids as strings). An array or anything not an object is refused.
 */
export const contractAnswerSchema = contractSchema;
