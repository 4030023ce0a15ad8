'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { type ExportSearch, readExportEvents } from '@/lib/contracts/export-walk';
import type { LookupError } from '@/lib/contracts/failure';
import { CSV_CONTENT_TYPE } from '@/lib/csv';
import { CONTRACTS_EXPORT_PATH } from '@/lib/paths';
import { LookupErrorPanel } from './lookup-error-panel';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'done'; count: number; file: string }
  | { phase: 'cancelled' }
  /** error null: the dashboard's own server did not answer, or broke off. */
  | { phase: 'failed'; done: number; error: LookupError | null };

function download(text: string, file: string) {
  const url = URL.createObjectURL(new Blob([text], { type: CSV_CONTENT_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "导出 CSV": the server walks every page of the search (each an audited lookup), reporting each
 * page as it comes, then sends the file; "取消导出" stops the walk. The file comes only when every
 * page has, so a spreadsheet is never silently short.
 */
export function ExportButton({ search }: { search: ExportSearch }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const t = useTranslations();

  // Leaving the page (or changing the search) ends an export under way.
  useEffect(() => () => running.current?.abort(), []);

  async function start() {
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'running', done: 0, total: null });
    let done = 0;
    try {
      const response = await fetch(CONTRACTS_EXPORT_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(search),
        signal: controller.signal,
      });
      if (!response.body) throw new Error('no body');
      for await (const event of readExportEvents(response.body)) {
        if (event.type === 'progress') {
          done = event.done;
          setState({ phase: 'running', done: event.done, total: event.total });
        } else if (event.type === 'error') {
          setState({ phase: 'failed', done: event.done, error: event.error });
          return;
        } else {
          download(event.csv, event.file);
          setState({ phase: 'done', count: event.count, file: event.file });
          return;
        }
      }
      // The stream ended without its last line: the server or the network broke off.
      setState({ phase: 'failed', done, error: null });
    } catch {
      if (controller.signal.aborted) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', done, error: null });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {state.phase === 'running' ? (
          <button type="button" onClick={() => running.current?.abort()} className={secondaryButtonClass}>
            {t('exportCsv.cancel')}
          </button>
        ) : (
          <button type="button" onClick={start} className={secondaryButtonClass} aria-describedby="export-hint">
            {t('exportCsv.button')}
          </button>
        )}
        <p role="status" className="text-sm text-slate-700">
          {state.phase === 'running' &&
            (state.total === null
              ? t('exportCsv.progress', { done: state.done })
              : t('exportCsv.progressOfTotal', { done: state.done, total: state.total }))}
          {state.phase === 'done' && t('exportCsv.done', { count: state.count, file: state.file })}
          {state.phase === 'cancelled' && t('exportCsv.cancelled')}
        </p>
        <p id="export-hint" className="sr-only">
          {t('exportCsv.hint')}
        </p>
      </div>
      {state.phase === 'running' && state.total ? (
        <progress
          className="h-1.5 w-full max-w-md accent-blue-600"
          value={state.done}
          max={state.total}
          aria-hidden="true"
        />
      ) : null}
      {state.phase === 'failed' && (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-red-800">{t('exportCsv.failed', { done: state.done })}</p>
          <LookupErrorPanel error={state.error} onRetry={start} retrying={false} />
        </div>
      )}
    </div>
  );
}
