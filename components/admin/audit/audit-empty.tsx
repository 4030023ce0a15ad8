import { messages } from '@/lib/messages/zh-CN';

/** No records: for these filters, or none at all yet. */
export function AuditEmpty({ filtered }: { filtered: boolean }) {
  const a = messages.audit;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-8 text-center">
      <p className="text-base font-medium">{filtered ? a.empty : a.emptyNone}</p>
      <p className="mt-1 text-sm text-slate-600">{filtered ? a.emptyHint : a.emptyNoneHint}</p>
    </div>
  );
}
