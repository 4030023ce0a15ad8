import { messages } from '@/lib/messages/zh-CN';

/** WeChat's Request-ID, selectable in one click, for staff to quote to support. */
export function RequestIdLine({ requestId }: { requestId: string }) {
  return (
    <p className="text-xs text-slate-600">
      {messages.states.requestId}：<span className="font-mono select-all">{requestId}</span>
    </p>
  );
}
