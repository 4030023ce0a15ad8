import { useTranslations } from 'next-intl';
import { RequestIdLine } from './request-id-line';

export function EmptyResult({ requestId }: { requestId: string | null }) {
  const t = useTranslations('states');
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-8 text-center">
      <p className="text-base font-medium">{t('empty')}</p>
      <p className="mt-1 text-sm text-slate-600">{t('emptyHint')}</p>
      {requestId && (
        <div className="mt-3 flex justify-center">
          <RequestIdLine requestId={requestId} />
        </div>
      )}
    </div>
  );
}
