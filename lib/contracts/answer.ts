import { z } from 'zod';

/**
 * The verified answer of `GET /v3/eduschoolpay/users/{openid}/contracts`. Every field may be
 * absent (WeChat documents none as guaranteed). Ids must be strings: a number would already have
 * lost digits in JSON.parse, so an answer with numeric ids is refused rather than shown wrong.
 */
const text = z.string().nullish();

export const contractSchema = z.object({
  contract_id: text,
  mchid: text,
  appid: text,
  openid: text,
  plan_id: text,
  contract_status: text,
  create_time: text,
  out_contract_code: text,
});

export const contractsAnswerSchema = z.object({
  data: z.array(contractSchema).nullish(),
  offset: z.number().int().nonnegative().nullish(),
  limit: z.number().int().positive().nullish(),
  total_count: z.number().int().nonnegative().nullish(),
  links: z.object({ self: text, next: text, prev: text }).nullish(),
});

export type Contract = z.infer<typeof contractSchema>;
export type ContractsAnswer = z.infer<typeof contractsAnswerSchema>;

/**
 * The verified answer of `GET /v3/eduschoolpay/contracts/{contract_id}`: one contract with the list
 * item's fields, held to the same rules (ids as strings). An array or anything not an object is refused.
 */
export const contractAnswerSchema = contractSchema;
