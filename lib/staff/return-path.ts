import { CONTRACTS_PATH } from '@/lib/paths';

const HOME = CONTRACTS_PATH;
const LOCAL = 'http://return-path.invalid';

/**
 * Where to go after sign-in: a path on this site only. Parsed as a browser would (backslashes,
 * tabs and newlines included), so "/\\evil.example" or "/\t/evil.example" cannot lead elsewhere.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next?.startsWith('/')) return HOME;
  try {
    const url = new URL(next, LOCAL);
    return url.origin === LOCAL ? `${url.pathname}${url.search}` : HOME;
  } catch {
    return HOME;
  }
}
