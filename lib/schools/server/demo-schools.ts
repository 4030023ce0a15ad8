import 'server-only';
import { DEMO_PLANS, DEMO_SCHOOLS } from '@/lib/sandbox';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import { logger } from '@/lib/server/logger';
import { SANDBOX } from '../roles';
import { recorder } from './school-service';
import { ensureSchoolWithin } from './seed';

/**
 * In sandbox mode (and only there: the caller checks), the demo schools with their demo plans, so
 * the sandbox shows one deployment serving several schools. Idempotent: a later start adds only
 * what is missing, and never undoes what an admin changed since.
 */
export async function seedDemoSchools(store: Store): Promise<void> {
  const created = await exclusively(store, async (trx) => {
    const record = recorder(trx, SANDBOX);
    const made: string[] = [];
    for (const school of DEMO_SCHOOLS) {
      const plans = DEMO_PLANS.filter((plan) => (school.planIds as readonly string[]).includes(plan.planId));
      const report = await ensureSchoolWithin(trx, record, { key: school.key, name: school.name }, plans);
      if (report.created) made.push(school.key);
    }
    return made;
  });
  if (created.length > 0) logger.info({ schools: created }, 'SANDBOX ONLY: demo schools created');
}
