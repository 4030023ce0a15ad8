import 'server-only';
import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * The files the app keeps (the SQLite database, its WAL files, the session secret) are for the
 * app's own user only: they hold password hashes, every openid searched and what signs sessions.
 * Modes are set with chmod, not only asked for at creation, where the process umask could widen
 * nothing but a file made by an earlier version could already be open to everyone.
 */

/** A folder for the owner only (0700); one that already exists is left as its operator made it. */
export function makePrivateDir(path: string): void {
  const created = mkdirSync(path, { recursive: true, mode: 0o700 });
  if (created !== undefined) chmodSync(path, 0o700);
}

/** A file for the owner only (0600), whoever's umask made it. */
export function keepPrivate(path: string): void {
  if ((statSync(path).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
}

/** Whether anyone but the owner (group or others) may read the file; false when it is not there. */
export function readableByOthers(path: string): boolean {
  try {
    return (statSync(path).mode & 0o044) !== 0;
  } catch {
    return false;
  }
}
