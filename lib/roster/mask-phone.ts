/**
 * A phone as staff may see it: 138****5678. The clerk checks the last four digits with the parent
 * on the line; the whole number never leaves the server. The first three show only on a number
 * long enough (a mobile's 11 digits) that the hidden middle still hides it; a short number shows
 * its last four at most, and one of four digits or fewer shows nothing.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 0) return null;
  const head = digits.length >= 11 ? digits.slice(0, 3) : '';
  const tail = digits.length > 4 ? digits.slice(-4) : '';
  return `${head}****${tail}`;
}
