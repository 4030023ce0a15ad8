import { messages } from '@/lib/messages/zh-CN';
import { RequestIdLine } from './request-id-line';

export function EmptyResult({ requestId }: { requestId: string | null }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-8 text-center">
      <p className="text-base font-medium">{messages.states.empty}</p>
      <p className="mt-1 text-sm text-slate-600">{messages.states.emptyHint}</p>
      {requestId && (
        <div className="mt-3 flex justify-center">
          <RequestIdLine requestId={requestId} />
        </div>
      )}
    </div>
  );
}
