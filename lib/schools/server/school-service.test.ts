import { describe, expect, it } from 'vitest';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { COMMAND_LINE, type Origin } from '../roles';
import { findPlan, listPlans, listSchools } from './directory';
import {
  addPlan,
  addSchool,
  archivePlan,
  archiveSchool,
  renamePlan,
  renameSchool,
  setWechatSchoolId,
} from './school-service';

const provider: Origin = {
  actor: { userId: 'u-boss', username: 'boss', role: 'admin', schools: [] },
  from: '10.0.0.1',
};

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);

  const records = () =>
    store.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'school_key', 'detail', 'username', 'client_ip', 'plan_id'])
      .orderBy('id')
      .execute();
  const snapshot = async () => ({
    schools: await listSchools(store.db),
    plans: await listPlans(store.db),
    records: (await records()).length,
  });

  it('adds schools and their plans, each act in the audit trail', async () => {
    expect(await addSchool(store, provider, { key: 'north', name: ' 北校 ', wechatSchoolId: 'SCH_N' })).toMatchObject({
      ok: true,
      value: { key: 'north', name: '北校', wechatSchoolId: 'SCH_N', archivedAt: null },
    });
    await addSchool(store, COMMAND_LINE, { key: 'south', name: '南校' });
    expect(await addPlan(store, provider, { schoolKey: 'north', planId: '2001', name: '午餐费' })).toMatchObject({
      ok: true,
      value: { planId: '2001', schoolKey: 'north', schoolName: '北校', planArchived: false },
    });
    await addPlan(store, provider, { schoolKey: 'south', planId: '3001', name: '午餐费' });
    expect(await findPlan(store.db, '3001')).toMatchObject({ schoolKey: 'south', name: '午餐费' });
    expect(await records()).toEqual([
      {
        action: 'school_add',
        subject: 'north',
        school_key: 'north',
        detail: '北校',
        username: 'boss',
        client_ip: '10.0.0.1',
        plan_id: null,
      },
      {
        action: 'school_add',
        subject: 'south',
        school_key: 'south',
        detail: '南校',
        username: 'cli',
        client_ip: 'cli',
        plan_id: null,
      },
      {
        action: 'plan_add',
        subject: '2001',
        school_key: 'north',
        detail: '午餐费',
        username: 'boss',
        client_ip: '10.0.0.1',
        plan_id: '2001',
      },
      {
        action: 'plan_add',
        subject: '3001',
        school_key: 'south',
        detail: '午餐费',
        username: 'boss',
        client_ip: '10.0.0.1',
        plan_id: '3001',
      },
    ]);
  });

  it.each([
    ['a taken key', () => addSchool(store, provider, { key: 'north', name: 'x' }), 'keyTaken', { key: 'north' }],
    ['a bad key', () => addSchool(store, provider, { key: 'North', name: 'x' }), 'key', undefined],
    [
      'a plan id of another school',
      () => addPlan(store, provider, { schoolKey: 'south', planId: '2001', name: '校车费' }),
      'planTaken',
      { planId: '2001', school: 'north' },
    ],
    [
      'a plan id the school has already',
      () => addPlan(store, provider, { schoolKey: 'north', planId: '2001', name: '校车费' }),
      'planTaken',
      { planId: '2001', school: 'north' },
    ],
    [
      'a plan name the school uses already',
      () => addPlan(store, provider, { schoolKey: 'north', planId: '2002', name: '午餐费' }),
      'planNameTaken',
      { key: 'north', name: '午餐费' },
    ],
    [
      'a plan of an unknown school',
      () => addPlan(store, provider, { schoolKey: 'west', planId: '4001', name: '午餐费' }),
      'schoolUnknown',
      { key: 'west' },
    ],
    ['renaming an unknown plan', () => renamePlan(store, provider, '9999', 'x'), 'planUnknown', { planId: '9999' }],
    [
      'anyone but a provider admin',
      () =>
        addSchool(
          store,
          { actor: { ...provider.actor, role: 'school_admin', schools: ['north'] }, from: null },
          { key: 'east', name: 'x' },
        ),
      'notAdmin',
      undefined,
    ],
  ])('refuses %s and changes nothing', async (_, attempt, issue, values) => {
    const before = await snapshot();
    const result = await attempt();
    expect(result).toEqual({ ok: false, issue, ...(values && { values }) });
    expect(await snapshot()).toEqual(before);
  });

  it('renames and archives, and an archived school or plan takes no more changes', async () => {
    expect(await renameSchool(store, provider, 'north', '北校区')).toMatchObject({
      ok: true,
      value: { name: '北校区' },
    });
    expect(await setWechatSchoolId(store, provider, 'north', null)).toMatchObject({
      ok: true,
      value: { wechatSchoolId: null },
    });
    expect(await renamePlan(store, provider, '2001', '午饭')).toMatchObject({ ok: true, value: { name: '午饭' } });
    expect(await archivePlan(store, provider, '2001')).toMatchObject({ ok: true, value: { planArchived: true } });
    expect(await archivePlan(store, provider, '2001')).toEqual({
      ok: false,
      issue: 'planArchived',
      values: { planId: '2001' },
    });
    expect(await archiveSchool(store, provider, 'south')).toMatchObject({ ok: true });
    expect(await findPlan(store.db, '3001')).toMatchObject({ planArchived: false, schoolArchived: true });
    expect(await addPlan(store, provider, { schoolKey: 'south', planId: '3002', name: '校车费' })).toEqual({
      ok: false,
      issue: 'schoolArchived',
      values: { key: 'south' },
    });
    // An archived plan's id stays its school's.
    expect(await addPlan(store, provider, { schoolKey: 'north', planId: '3001', name: '另一个' })).toMatchObject({
      issue: 'planTaken',
    });
    const acts = (await records()).slice(4).map((r) => [r.action, r.subject, r.detail]);
    expect(acts).toEqual([
      ['school_rename', 'north', '北校 → 北校区'],
      ['school_wechat_id', 'north', 'school_id SCH_N → -'],
      ['plan_rename', '2001', '午餐费 → 午饭'],
      ['plan_archive', '2001', '午饭'],
      ['school_archive', 'south', '南校'],
    ]);
  });

  it('gives a plan id to one school only, when two admins add it at the same moment', async () => {
    await addSchool(store, provider, { key: 'east', name: '东校' });
    await addSchool(store, provider, { key: 'west', name: '西校' });
    const results = await Promise.all(
      ['east', 'west'].map((schoolKey) => addPlan(store, provider, { schoolKey, planId: '5001', name: '午餐费' })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ issue: 'planTaken' });
  });
});
