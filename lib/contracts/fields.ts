import type { Translator } from '@/i18n/translator';
import type { ContractRow } from './view';

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

/** The words of the whole catalog, from whichever translator the caller has (page, test). */
export type ContractsText = Translator<never>;

const HEADER_KEY = {
  contractId: 'table.contractId',
  outContractCode: 'table.outContractCode',
  status: 'table.status',
  createTimeText: 'table.createTime',
  planId: 'table.planId',
  openid: 'table.openid',
  appid: 'table.appid',
  mchid: 'table.mchid',
} as const satisfies Record<ContractColumn, string>;

export function contractHeader(t: ContractsText, column: ContractColumn): string {
  return t(HEADER_KEY[column]);
}

/** A status as staff read it: 已签约, 已解约, or the unknown value named. */
export function statusText(t: ContractsText, status: string | null): string {
  if (status === null) return t('table.missing');
  return status === 'ADD' || status === 'DELETE' ? t(`status.${status}`) : t('status.unknown', { raw: status });
}
