'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { ActionMessage } from '@/components/staff/action-message';
import { buttonClass, primaryButtonClass } from '@/components/ui/button-styles';
import { MAX_ROSTER_BYTES } from '@/lib/roster/import/limits';
import { problemText } from '@/lib/roster/import/problem-text';
import type { RosterActionResult } from '@/lib/roster/server/roster-import-actions';
import type { RosterPreview, RosterUploadStep } from '@/lib/roster/server/roster-upload';
import { RosterPreviewTable } from './roster-preview-table';
import { RosterProblems } from './roster-problems';

interface RosterImportFormProps {
  schoolKey: string;
  schoolName: string;
}

/**
 * Choose a file, 预览 (the server reads it and stores nothing), then 导入: the same file is sent
 * again and read again on the server, which stores it only if it has no problem. The file stays
 * in this component's state (a form action would reset the file field after the preview). Both go
 * to the upload route (lib/roster/server/roster-upload.ts), which answers JSON, refusals included.
 */
export function RosterImportForm({ schoolKey, schoolName }: RosterImportFormProps) {
  const t = useTranslations('rosterImport');
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [result, setResult] = useState<RosterActionResult | null>(null);
  const [step, setStep] = useState<'preview' | 'import' | null>(null);
  const [pending, startTransition] = useTransition();

  const tooLarge = () => problemText(t, { line: null, kind: 'tooLarge', max: MAX_ROSTER_BYTES / 1024 / 1024 });

  /** The route's JSON answer; a proxy's own refusal of a large body (no JSON) says so too. */
  const upload = async <T,>(step: RosterUploadStep, form: FormData): Promise<T> => {
    const query = new URLSearchParams({ school: schoolKey, step });
    const response = await fetch(`/admin/roster/upload?${query}`, { method: 'POST', body: form });
    if (response.headers.get('content-type')?.startsWith('application/json')) return (await response.json()) as T;
    return { ok: false, error: response.status === 413 ? tooLarge() : t('failed') } as T;
  };

  const send = (which: RosterUploadStep) => {
    if (!file) return;
    // Past the limit the server would refuse the request itself: said here, as the parser says it.
    if (file.size > MAX_ROSTER_BYTES) {
      setPreview({ ok: true, fileName: file.name, rows: 0, sample: [], problems: [tooLarge()], moreProblems: 0 });
      return;
    }
    const form = new FormData();
    form.set('file', file);
    setStep(which);
    startTransition(async () => {
      try {
        if (which === 'preview') {
          setResult(null);
          setPreview(await upload<RosterPreview>('preview', form));
        } else {
          const done = await upload<RosterActionResult>('import', form);
          setResult(done);
          if (done.ok) {
            setPreview(null);
            // The roster's size above is the server's: read again.
            router.refresh();
          }
        }
      } catch {
        // The request itself failed (the server unreachable).
        setPreview(null);
        setResult({ ok: false, error: t('failed') });
      }
    });
  };

  const ready = preview?.ok && preview.problems.length === 0 && preview.moreProblems === 0 ? preview : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium">
            {t('file')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }}
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        <button
          type="button"
          disabled={!file || pending}
          onClick={() => send('preview')}
          className={buttonClass('secondary', 'regular')}
        >
          {pending && step === 'preview' ? t('previewing') : t('preview')}
        </button>
      </div>

      {preview && !preview.ok && (
        <p role="alert" className="text-sm text-red-700">
          {preview.error}
        </p>
      )}
      {preview?.ok && (
        <section
          aria-label={t('previewTitle', { file: preview.fileName, rows: preview.rows })}
          className="flex flex-col gap-2"
        >
          <h2 className="text-base font-semibold">
            {t('previewTitle', { file: preview.fileName, rows: preview.rows })}
          </h2>
          {ready ? (
            <>
              <p className="text-sm text-slate-700">{t('previewOk', { school: schoolName })}</p>
              <p className="text-sm text-slate-600">{t('previewFirst', { shown: ready.sample.length })}</p>
              <RosterPreviewTable rows={ready.sample} label={t('previewFirst', { shown: ready.sample.length })} />
              <div>
                <button type="button" disabled={pending} onClick={() => send('import')} className={primaryButtonClass}>
                  {pending && step === 'import' ? t('importing') : t('import', { rows: ready.rows })}
                </button>
              </div>
            </>
          ) : (
            <div role="alert" className="flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 px-4 py-3">
              <p className="text-sm font-medium text-red-900">
                {t('previewProblems', { count: preview.problems.length + preview.moreProblems })}
              </p>
              <RosterProblems problems={preview.problems} more={preview.moreProblems} />
            </div>
          )}
        </section>
      )}
      {result && (
        <>
          <ActionMessage result={result} />
          {!result.ok && result.problems && (
            <RosterProblems problems={result.problems} more={result.moreProblems ?? 0} />
          )}
        </>
      )}
    </div>
  );
}
