/**
 * Beijing time (Asia/Shanghai) for everything staff read (contracts' times, the audit trail, file
 * names), whatever zone the server or browser runs in. China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every record.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD (no 30 February), from 1970 on. */
export function isIsoDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1970 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The instant (epoch ms) a Beijing day begins: 2026-09-01 → 2026-08-31T16:00:00Z. */
export function beijingDayStart(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day) - OFFSET_MS;
}

/** From the start of the first Beijing day to the end of the last (the `to` bound is exclusive). */
export function beijingDayRange(from?: string, to?: string): { from?: number; to?: number } {
  return {
    from: from === undefined ? undefined : beijingDayStart(from),
    to: to === undefined ? undefined : beijingDayStart(to) + DAY_MS,
  };
}

function beijingParts(epochMs: number) {
  const shifted = new Date(epochMs + OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`,
    time: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}`,
  };
}

/** "YYYY-MM-DD HH:mm:ss" in Beijing time. */
export function formatBeijingDateTime(epochMs: number): string {
  const { date, time } = beijingParts(epochMs);
  return `${date} ${time}`;
}

/** "YYYYMMDD" of the Beijing day, for file names. */
export function beijingDateStamp(epochMs: number): string {
  return beijingParts(epochMs).date.replaceAll('-', '');
}

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
 * An RFC 3339 time (as WeChat writes them) as "YYYY-MM-DD HH:mm:ss" in Beijing time, whatever zone
 * the text was written in. Text that is not RFC 3339 gives null so the caller can show the
 * original instead of a wrong time.
 */
export function formatBeijingTime(rfc3339: string): string | null {
  const parts = RFC3339.exec(rfc3339);
  if (!parts || !isRealCalendarTime(rfc3339, parts)) return null;
  const time = Date.parse(rfc3339);
  return Number.isNaN(time) ? null : formatBeijingDateTime(time);
}
