'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { CopyButton } from '@/components/ui/copy-button';
import { contractHeader } from '@/lib/contracts/fields';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import type { ContractRow } from '@/lib/contracts/view';
import { StatusBadge } from './status-badge';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-100 py-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

type IdColumn = 'contractId' | 'outContractCode' | 'planId' | 'openid' | 'appid' | 'mchid';

/** One of the contract's ids as WeChat sent it, with a copy button for handing it to IT or to WeChat support. */
function IdItem({ row, column, note }: { row: ContractRow; column: IdColumn; note?: ReactNode }) {
  const all = useTranslations();
  const name = contractHeader(all, column);
  const value = row[column];
  return (
    <Item label={name}>
      {value ? (
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-mono break-all">{value}</span>
          {note}
          <CopyButton value={value} what={name} />
        </span>
      ) : (
        <span className="text-slate-600">{all('table.missing')}</span>
      )}
    </Item>
  );
}

interface ContractFieldsProps {
  row: ContractRow;
  /** The openid staff searched for, to explain a different one in the answer; none for a lookup by number. */
  searchedOpenid?: string;
  plans: readonly NamedPlan[];
}

/**
 * Every field of one contract as WeChat sent it: ids with copy buttons, the time in Beijing time
 * with WeChat's original text, the plan by name. In the dialog of a list's row, or on its own page
 * for a contract found by its number.
 */
export function ContractFields({ row, searchedOpenid, plans }: ContractFieldsProps) {
  const all = useTranslations();
  const t = useTranslations('table');
  const d = useTranslations('detail');
  const name = planName(plans, row.planId);
  return (
    <>
      {row.openidMismatch && (
        <p
          role="alert"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {d('mismatch', { searched: searchedOpenid ?? all('table.missing') })}
        </p>
      )}
      <dl className="mt-3">
        <IdItem row={row} column="contractId" />
        <IdItem row={row} column="outContractCode" />
        <Item label={contractHeader(all, 'status')}>
          <StatusBadge status={row.status} />
        </Item>
        <Item label={contractHeader(all, 'createTimeText')}>
          {row.createTime ? (
            <>
              <time dateTime={row.createTime} className="tabular-nums">
                {row.createTimeText ?? row.createTime}
              </time>
              <span className="mt-1 block text-xs text-slate-600">
                {d.rich('originalTime', {
                  time: row.createTime,
                  mono: (text) => <span className="font-mono">{text}</span>,
                })}
              </span>
            </>
          ) : (
            t('missing')
          )}
        </Item>
        <IdItem row={row} column="planId" note={name && <span>{d('planName', { name })}</span>} />
        <IdItem
          row={row}
          column="openid"
          note={row.openidMismatch && <span className="text-xs font-medium text-amber-800">{t('openidMismatch')}</span>}
        />
        <IdItem row={row} column="appid" />
        <IdItem row={row} column="mchid" />
      </dl>
    </>
  );
}

interface ContractDetailProps {
  /** The contract shown; null keeps the panel closed. */
  row: ContractRow | null;
  /** The openid staff searched for, to explain a different one in the answer. */
  searchedOpenid: string;
  plans: readonly NamedPlan[];
  onClose: () => void;
}

/**
 * Every field of one contract, in a modal dialog: the browser's own <dialog> keeps focus inside,
 * closes on Escape and gives focus back to the row that opened it.
 */
export function ContractDetail({ row, searchedOpenid, plans, onClose }: ContractDetailProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (row && !node.open) node.showModal();
    if (!row && node.open) node.close();
  }, [row]);

  const d = useTranslations('detail');
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="contract-detail-title"
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {row && (
        <div className="p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id="contract-detail-title" className="text-lg font-semibold">
              {d('title')}
            </h2>
            <form method="dialog">
              <button type="submit" className={secondaryButtonClass}>
                {d('close')}
              </button>
            </form>
          </div>
          <ContractFields row={row} searchedOpenid={searchedOpenid} plans={plans} />
        </div>
      )}
    </dialog>
  );
}
