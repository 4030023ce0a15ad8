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

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** Date() rolls 30 February over into March; a time WeChat never sent must not be shown. */
function isRealCalendarTime(parts: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const offsetHour = parts[9] === undefined ? 0 : Number(parts[9]);
  const offsetMinute = parts[10] === undefined ? 0 : Number(parts[10]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

/**
 * An RFC 3339 time as "YYYY-MM-DD HH:mm:ss" in Beijing time, whatever zone the text was written
 * in and whatever zone the server or browser runs in. Text that is not RFC 3339 gives null so the
 * caller can show the original instead of a wrong time.
 */
export function formatBeijingTime(rfc3339: string): string | null {
  const parts = RFC3339.exec(rfc3339);
  if (!parts || !isRealCalendarTime(parts)) return null;
  const time = new Date(rfc3339);
  if (Number.isNaN(time.getTime())) return null;
  const part = Object.fromEntries(BEIJING.formatToParts(time).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
