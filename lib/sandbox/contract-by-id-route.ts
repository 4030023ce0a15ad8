import type { IncomingMessage, ServerResponse } from 'node:http';
import { decode } from './contract-routes';
import { droppedByFault, type RouteContext, sendAsFaultSays } from './fault-answers';
import { faultFor } from './faults';
import { borrowedContract, findContract } from './listing';
import { sendError } from './responses';
import { DEMO_PARENTS } from './seed';

/**
 * `GET /v3/eduschoolpay/contracts/{contract_id}`: one seeded contract by its number, 404 NOT_FOUND
 * for any other. The reserved fault ids (`sandbox_fault_…`, the same as the list's openids) choose
 * the same faults; where one answers, it is with 李先生's first contract under the number asked (so
 * a fault a resilient client gets through shows a contract, and a bent one has a body to bend).
 */

const BORROWED_PARENT = DEMO_PARENTS[1];
const CONTRACT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function answerContract(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  encodedContractId: string,
  ctx: RouteContext,
): Promise<void> {
  const contractId = decode(encodedContractId);
  const fault = faultFor(contractId)?.name;
  if (droppedByFault(req, fault, ctx)) return;

  const refused = ctx.check(req);
  if (refused) return sendError(res, id, refused);
  if (!CONTRACT_ID.test(contractId)) {
    return sendError(res, id, { status: 400, code: 'PARAM_ERROR', message: 'contract_id 格式错误' });
  }
  const contract = fault ? borrowedContract(BORROWED_PARENT, contractId) : findContract(contractId);
  // A fault that bends the answer needs one; a fault that never answers (500, 429…) does not look.
  if (!contract) return sendError(res, id, { status: 404, code: 'NOT_FOUND', message: '签约协议不存在' });
  const body = JSON.stringify(contract);
  return sendAsFaultSays(req, res, id, ctx, fault, {
    key: `contract:${contractId}`,
    body,
    // The answer to "was my contract cancelled?" turned around after signing.
    tamper: (text) => text.replace('"contract_status":"ADD"', '"contract_status":"DELETE"'),
    // The 18-digit plan id written as a number, by hand: JSON.stringify could not write it intact.
    numericIds: () => body.replace(/"plan_id":"(\d+)"/, '"plan_id":$1'),
    wrongShape: () => `[${body}]`,
  });
}
