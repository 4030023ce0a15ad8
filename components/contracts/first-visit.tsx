import { messages } from '@/lib/messages/zh-CN';

/** What to enter and where to find it, for a clerk who has never heard of an openid. */
export function FirstVisit() {
  return (
    <section aria-labelledby="first-visit-title" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="first-visit-title" className="text-base font-semibold">
        {messages.firstVisit.title}
      </h2>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
        {messages.firstVisit.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
