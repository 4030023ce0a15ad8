import { messages } from '@/lib/messages/zh-CN';
import type { ContractRow } from './page';

/**
 * The contract columns in the order staff read them: which contract, its state, when, for what.
 * The table and the CSV export both follow this list, so a spreadsheet reads like the screen.
 */
export const CONTRACT_COLUMNS = [
  'contractId',
  'outContractCode',
  'status',
  'createTimeText',
  'planId',
  'openid',
  'appid',
  'mchid',
] as const satisfies readonly (keyof ContractRow)[];

export type ContractColumn = (typeof CONTRACT_COLUMNS)[number];

/** Which contract, and in what state: staff can hide any column but these. */
export const ALWAYS_SHOWN: readonly ContractColumn[] = ['contractId', 'status'];

const t = messages.table;

export const CONTRACT_HEADERS: Record<ContractColumn, string> = {
  contractId: t.contractId,
  outContractCode: t.outContractCode,
  status: t.status,
  createTimeText: t.createTime,
  planId: t.planId,
  openid: t.openid,
  appid: t.appid,
  mchid: t.mchid,
};

/** A status as staff read it: 已签约, 已解约, or the unknown value named. */
export function statusText(status: string | null): string {
  if (status === null) return t.missing;
  return Object.hasOwn(t.statusLabels, status) ? t.statusLabels[status] : t.unknownStatus(status);
}
