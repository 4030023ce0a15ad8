/**
 * A migrated store shared by the tests of one describe block, for the vitest suites of the data
 * layer (apart from databases.ts, which the Playwright specs import too: this one needs vitest and
 * the server-only store).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '@/lib/server/db/database';
import { migratedStore } from './accounts';
import type { TestStoreEnv } from './databases';

/** A store the tests of one describe block share; readable once its beforeAll has run. */
export interface SharedStore extends Store {
  /** What it was opened with, to open another connection to the same database. */
  readonly env: Record<string, string>;
}

/**
 * Opens a fresh store from `makeEnv` and migrates it before the describe block's tests, and
 * closes and drops it after them (registers its own beforeAll and afterAll, so call it before the
 * block's own hooks that use the store).
 */
export function sharedStore(makeEnv: () => Promise<TestStoreEnv>): SharedStore {
  let opened: { env: TestStoreEnv; store: Store } | undefined;
  const current = () => {
    if (!opened) throw new Error('the store is opened in beforeAll: read it inside a test or a later hook');
    return opened;
  };

  beforeAll(async () => {
    opened = await migratedStore(makeEnv);
  }, 30_000);

  afterAll(async () => {
    await opened?.store.db.destroy();
    await opened?.env.drop();
  });

  return {
    get db() {
      return current().store.db;
    },
    get type() {
      return current().store.type;
    },
    get where() {
      return current().store.where;
    },
    get env() {
      return current().env.env;
    },
  };
}
