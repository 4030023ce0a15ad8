/**
 * A migrated store shared by the tests of one describe block, for the vitest suites of the data
 * layer (apart from databases.ts, which the Playwright specs import too: this one needs vitest and
 * the server-only store).
 */
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '@/lib/server/db/database';
import { migrate } from '@/lib/server/db/migrations';
import { parseDatabase } from '@/lib/settings/storage';
import type { TestStoreEnv } from './databases';

/** A store the tests of one describe block share; readable once its beforeAll has run. */
export interface SharedStore extends Pick<Store, 'db' | 'type'> {
  /** What it was opened with, to open another connection to the same database. */
  readonly env: Record<string, string>;
}

/**
 * Opens a fresh store from `makeEnv` and migrates it before the describe block's tests, and
 * closes and drops it after them (registers its own beforeAll and afterAll).
 */
export function sharedStore(makeEnv: () => Promise<TestStoreEnv>): SharedStore {
  let testEnv: TestStoreEnv | undefined;
  let store: Store | undefined;
  const opened = () => {
    if (!testEnv || !store) throw new Error('the store is opened in beforeAll: read it inside a test');
    return { testEnv, store };
  };

  beforeAll(async () => {
    testEnv = await makeEnv();
    store = openStore(parseDatabase(testEnv.env));
    await migrate(store.db, store.type);
  }, 30_000);

  afterAll(async () => {
    await store?.db.destroy();
    await testEnv?.drop();
  });

  return {
    get db() {
      return opened().store.db;
    },
    get type() {
      return opened().store.type;
    },
    get env() {
      return opened().testEnv.env;
    },
  };
}
