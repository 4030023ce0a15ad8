import { describe, expect, it } from 'vitest';
import { DEMO_PARENT_SUMMARIES, DEMO_SCHOOLS } from '@/lib/sandbox';
import { DEMO_ROSTERS } from './demo-roster';

describe('the demo parent directory', () => {
  it('lists, in each demo school, only sandbox parents with a plan of that school', () => {
    for (const [schoolKey, entries] of Object.entries(DEMO_ROSTERS)) {
      const school = DEMO_SCHOOLS.find((s) => s.key === schoolKey);
      expect(school, schoolKey).toBeDefined();
      for (const entry of entries) {
        const parent = DEMO_PARENT_SUMMARIES.find((p) => p.openid === entry.openid);
        expect(parent, entry.studentName).toBeDefined();
        expect(school?.planIds as readonly string[]).toContain(parent?.planId);
      }
    }
  });
});
