import 'server-only';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import { logger } from '@/lib/server/logger';
import { DEMO_ROSTERS } from '../demo-roster';
import { replaceRosterWithin, rosterSize } from './roster-store';

/**
 * In sandbox mode (and only there: the caller checks), each demo school that exists and has no
 * roster gets its demo roster. A roster an admin imported is never replaced; one they deleted
 * comes back on the next start, as the sandbox's demo data does.
 */
export async function seedDemoRoster(store: Store): Promise<void> {
  const seeded = await exclusively(store, async (trx) => {
    const made: string[] = [];
    for (const [schoolKey, entries] of Object.entries(DEMO_ROSTERS)) {
      const school = await trx.selectFrom('school').select('key').where('key', '=', schoolKey).executeTakeFirst();
      if (!school || (await rosterSize(trx, schoolKey)) > 0) continue;
      await replaceRosterWithin(trx, schoolKey, entries);
      made.push(schoolKey);
    }
    return made;
  });
  if (seeded.length > 0) logger.info({ schools: seeded }, 'SANDBOX ONLY: demo parent directories seeded');
}
