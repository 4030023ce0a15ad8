/** A part the server needs before it can answer a lookup. */
export type ReadinessPart = 'database' | 'keys';

/** What was found when each part was tried: nothing (it answered) or why it did not. */
export type ReadinessFacts = Readonly<Record<ReadinessPart, { ok: true } | { ok: false; reason: string }>>;

export interface ReadinessAnswer {
  status: 200 | 503;
  body: { ready: boolean; failing: ReadinessPart[]; reasons: Partial<Record<ReadinessPart, string>> };
}

/**
 * 200 when every part answered, else 503 naming each failing part, so a load balancer takes the
 * instance out and IT reading the answer knows where to look. The reasons are short and hold no
 * secret: they are shown to anyone who can reach the port.
 */
export function readinessAnswer(facts: ReadinessFacts): ReadinessAnswer {
  const failing = (Object.keys(facts) as ReadinessPart[]).filter((part) => !facts[part].ok);
  const reasons: Partial<Record<ReadinessPart, string>> = {};
  for (const part of failing) {
    const fact = facts[part];
    if (!fact.ok) reasons[part] = fact.reason;
  }
  return { status: failing.length === 0 ? 200 : 503, body: { ready: failing.length === 0, failing, reasons } };
}
