import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSessionSecret } from '@/lib/settings/storage';
import { sessionSecret } from '@/lib/staff/server/auth';
import { makeTempDir, type TempDir } from '@/test-support/keys';
import { openStore } from './database';
import { migrate } from './migrations';

/**
 * DATA_DIR holds password hashes, every openid searched and the session secret: only the app's
 * own user may read it, whatever the umask the process was started with.
 */
const modeOf = (path: string) => statSync(path).mode & 0o777;

let temp: TempDir;
let umask: number;

beforeEach(() => {
  temp = makeTempDir();
  // The most permissive umask a service could be started with.
  umask = process.umask(0);
});

afterEach(() => {
  process.umask(umask);
  temp.remove();
});

describe('the SQLite store', () => {
  it('creates DATA_DIR for its owner only, and the database and its WAL files for its owner only', async () => {
    const dir = join(temp.path, 'data');
    const store = openStore({ kind: 'sqlite', dir });
    await migrate(store.db, store.type);
    expect(modeOf(dir)).toBe(0o700);
    for (const file of ['dashboard.sqlite', 'dashboard.sqlite-wal', 'dashboard.sqlite-shm']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(modeOf(join(dir, file)), file).toBe(0o600);
    }
    await store.db.destroy();
  });

  it('closes up a database that an earlier version left readable by everyone', async () => {
    const dir = join(temp.path, 'data');
    mkdirSync(dir, { mode: 0o755 });
    for (const file of ['dashboard.sqlite', 'dashboard.sqlite-wal']) {
      writeFileSync(join(dir, file), '');
      chmodSync(join(dir, file), 0o644);
    }
    const store = openStore({ kind: 'sqlite', dir });
    await migrate(store.db, store.type);
    expect(modeOf(join(dir, 'dashboard.sqlite'))).toBe(0o600);
    expect(modeOf(join(dir, 'dashboard.sqlite-wal'))).toBe(0o600);
    await store.db.destroy();
  });
});

describe('the session secret kept in DATA_DIR', () => {
  it('is made for its owner only, and an older readable one is closed up', () => {
    const source = parseSessionSecret({ DATA_DIR: temp.path });
    const secret = sessionSecret(source);
    const file = join(temp.path, 'auth-secret');
    expect(modeOf(file)).toBe(0o600);
    chmodSync(file, 0o644);
    expect(sessionSecret(source)).toBe(secret);
    expect(modeOf(file)).toBe(0o600);
  });
});
