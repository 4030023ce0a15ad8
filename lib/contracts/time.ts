import { formatBeijingDateTime, isIsoDate } from '@/lib/time/beijing';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** Date() rolls 30 February over into March; a time WeChat never sent must not be shown. */
function isRealCalendarTime(text: string, parts: RegExpExecArray): boolean {
  const [hour, minute, second] = parts.slice(4, 7).map(Number);
  const offsetHour = parts[9] === undefined ? 0 : Number(parts[9]);
  const offsetMinute = parts[10] === undefined ? 0 : Number(parts[10]);
  return (
    isIsoDate(text.slice(0, 10)) && hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59
  );
}

/**
 * An RFC 3339 time as "YYYY-MM-DD HH:mm:ss" in Beijing time, whatever zone the text was written
 * in and whatever zone the server or browser runs in. Text that is not RFC 3339 gives null so the
 * caller can show the original instead of a wrong time.
 */
export function formatBeijingTime(rfc3339: string): string | null {
  const parts = RFC3339.exec(rfc3339);
  if (!parts || !isRealCalendarTime(rfc3339, parts)) return null;
  const time = Date.parse(rfc3339);
  return Number.isNaN(time) ? null : formatBeijingDateTime(time);
}
