import { messages } from '@/lib/messages/zh-CN';

export function PageHeader() {
  return (
    <header>
      <h1 className="text-2xl font-semibold tracking-tight">{messages.app.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{messages.app.subtitle}</p>
    </header>
  );
}
