const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An RFC 3339 time as "YYYY-MM-DD HH:mm:ss" in Beijing time, whatever zone the text was written
 * in and whatever zone the server or browser runs in. Text that is not RFC 3339 gives null so the
 * caller can show the original instead of a wrong time.
 */
export function formatBeijingTime(rfc3339: string): string | null {
  if (!RFC3339.test(rfc3339)) return null;
  const time = new Date(rfc3339);
  if (Number.isNaN(time.getTime())) return null;
  const part = Object.fromEntries(BEIJING.formatToParts(time).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
