import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import {
  auditSchools,
  auditScope,
  lookupScope,
  mayManageAccount,
  type PlanPlace,
  plansInScope,
  schoolsInScope,
} from './scope';

const live = (schoolKey: string): PlanPlace => ({ schoolKey, planArchived: false, schoolArchived: false });
const clerk = (role: Role, ...schools: string[]) => ({ role, schools });

describe('lookupScope', () => {
  it('lets a provider admin look up any plan id, even one no school holds, naming its school if any', () => {
    expect(lookupScope(clerk('admin'), undefined)).toEqual({ ok: true, schoolKey: null });
    expect(lookupScope(clerk('admin'), { ...live('north'), planArchived: true })).toEqual({
      ok: true,
      schoolKey: 'north',
    });
  });

  it.each<[string, PlanPlace | undefined, ReturnType<typeof lookupScope>]>([
    ['a live plan of their school', live('north'), { ok: true, schoolKey: 'north' }],
    ['a plan of another school', live('south'), { ok: false, refusal: 'out_of_scope', schoolKey: 'south' }],
    ['a plan no school holds', undefined, { ok: false, refusal: 'out_of_scope', schoolKey: null }],
    [
      'an archived plan of their school',
      { ...live('north'), planArchived: true },
      { ok: false, refusal: 'out_of_scope', schoolKey: 'north' },
    ],
    [
      'a plan of their archived school',
      { ...live('north'), schoolArchived: true },
      { ok: false, refusal: 'out_of_scope', schoolKey: 'north' },
    ],
  ])('for staff of north: %s', (_, place, expected) => {
    expect(lookupScope(clerk('staff', 'north'), place)).toEqual(expected);
    expect(lookupScope(clerk('school_admin', 'north'), place)).toEqual(expected);
  });

  it('tells staff with no school that they have none, whatever the plan', () => {
    expect(lookupScope(clerk('staff'), live('north'))).toEqual({ ok: false, refusal: 'no_school', schoolKey: 'north' });
    expect(lookupScope(clerk('school_admin'), undefined)).toMatchObject({ ok: false, refusal: 'no_school' });
  });

  const key = fc.constantFrom('north', 'south', 'east', 'west');
  const place = fc.option(fc.record({ schoolKey: key, planArchived: fc.boolean(), schoolArchived: fc.boolean() }), {
    nil: undefined,
  });
  const actor = fc.record({ role: fc.constantFrom(...ROLES), schools: fc.uniqueArray(key, { maxLength: 4 }) });

  it('allows staff and school admins exactly the live plans of their own schools (any actor, any plan)', () => {
    fc.assert(
      fc.property(actor, place, (who, where) => {
        const decision = lookupScope(who, where);
        const reachable =
          where !== undefined && !where.planArchived && !where.schoolArchived && who.schools.includes(where.schoolKey);
        expect(decision.ok).toBe(who.role === 'admin' || reachable);
        expect(decision.schoolKey).toBe(where?.schoolKey ?? null);
      }),
    );
  });

  it('offers as choices only plans the same rule allows, and no archived one', () => {
    fc.assert(
      fc.property(actor, fc.array(place.filter((p) => p !== undefined)), (who, plans) => {
        const offered = plansInScope(who, plans as PlanPlace[]);
        for (const plan of offered) {
          expect(lookupScope(who, plan).ok).toBe(true);
          expect(plan.planArchived || plan.schoolArchived).toBe(false);
        }
      }),
    );
  });
});

describe('schoolsInScope', () => {
  const schools = [
    { key: 'north', archivedAt: null },
    { key: 'south', archivedAt: null },
    { key: 'closed', archivedAt: 1 },
  ];

  it('offers a provider admin every live school, others their own live ones', () => {
    expect(schoolsInScope(clerk('admin'), schools).map((s) => s.key)).toEqual(['north', 'south']);
    expect(schoolsInScope(clerk('staff', 'south', 'closed'), schools).map((s) => s.key)).toEqual(['south']);
    expect(schoolsInScope(clerk('staff'), schools)).toEqual([]);
  });
});

describe('audit scope', () => {
  it('gives the provider admin everything, a school admin their schools, staff nothing', () => {
    expect(auditScope(clerk('admin'))).toEqual({ kind: 'all' });
    expect(auditScope(clerk('school_admin', 'north', 'east'))).toEqual({ kind: 'schools', schools: ['north', 'east'] });
    expect(auditScope(clerk('staff', 'north'))).toBeNull();
  });

  it('lets the provider admin ask for one school, and a school admin only for theirs', () => {
    expect(auditSchools({ kind: 'all' })).toBeUndefined();
    expect(auditSchools({ kind: 'all' }, 'south')).toEqual(['south']);
    const north = { kind: 'schools', schools: ['north', 'east'] } as const;
    expect(auditSchools(north)).toEqual(['north', 'east']);
    expect(auditSchools(north, 'east')).toEqual(['east']);
    expect(auditSchools(north, 'south')).toEqual([]);
  });

  it('never lets a school admin read beyond their schools, whatever they ask for', () => {
    const key = fc.constantFrom('north', 'south', 'east');
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.option(key, { nil: undefined }), (schools, asked) => {
        const seen = auditSchools({ kind: 'schools', schools }, asked);
        expect(seen).toBeDefined();
        for (const school of seen ?? []) expect(schools).toContain(school);
      }),
    );
  });
});

describe('mayManageAccount', () => {
  it('lets a provider admin change anyone, staff no one', () => {
    expect(mayManageAccount(clerk('admin'), clerk('admin'))).toBe(true);
    expect(mayManageAccount(clerk('staff', 'north'), clerk('staff', 'north'))).toBe(false);
  });

  it('lets a school admin change staff and school admins of their schools only', () => {
    const northAdmin = clerk('school_admin', 'north', 'east');
    expect(mayManageAccount(northAdmin, clerk('staff', 'north'))).toBe(true);
    expect(mayManageAccount(northAdmin, clerk('school_admin', 'north', 'east'))).toBe(true);
    expect(mayManageAccount(northAdmin, clerk('staff', 'north', 'south'))).toBe(false);
    expect(mayManageAccount(northAdmin, clerk('staff', 'south'))).toBe(false);
    expect(mayManageAccount(northAdmin, clerk('staff'))).toBe(false);
    expect(mayManageAccount(northAdmin, clerk('admin'))).toBe(false);
  });
});
