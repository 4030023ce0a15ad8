import { CONTRACTS_PATH } from '@/lib/paths';

const HOME = CONTRACTS_PATH;
const LOCAL = 'http://return-path.invalid';

/** The path and query of `candidate` resolved here, or null when it leads to another origin. */
function localPath(candidate: string): string | null {
  const url = new URL(candidate, LOCAL);
  return url.origin === LOCAL ? `${url.pathname}${url.search}` : null;
}

/**
 * Where to go after sign-in: a path on this site only. Parsed as a browser would (backslashes,
 * tabs and newlines included), so "/\\evil.example" or "/\t/evil.example" cannot lead elsewhere.
 * The browser resolves the path it is sent to once more, and normalising can make a path that
 * stayed here start with "//" ("/.//evil.example", "/a/..//evil.example"): a host to the browser.
 * So the path must also resolve to itself, here.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next?.startsWith('/')) return HOME;
  try {
    const path = localPath(next);
    return path !== null && localPath(path) === path ? path : HOME;
  } catch {
    return HOME;
  }
}
