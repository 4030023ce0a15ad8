import { describe, expect, it } from 'vitest';
import { chosenSchool } from './choice';

const two = ['mingde', 'sunshine'];

describe('chosenSchool', () => {
  it('takes the school asked for when it is within reach', () => {
    expect(chosenSchool({ role: 'staff', schools: two, requested: 'sunshine', planSchool: 'mingde' })).toBe('sunshine');
  });

  it('never takes a school out of reach, whatever the URL says', () => {
    expect(chosenSchool({ role: 'staff', schools: ['mingde'], requested: 'sunshine', planSchool: undefined })).toBe(
      'mingde',
    );
    expect(chosenSchool({ role: 'staff', schools: ['mingde'], requested: undefined, planSchool: 'sunshine' })).toBe(
      'mingde',
    );
  });

  it('follows the plan being searched when no school is asked for', () => {
    expect(chosenSchool({ role: 'staff', schools: two, requested: undefined, planSchool: 'sunshine' })).toBe(
      'sunshine',
    );
  });

  it('starts a clerk at their first school, and a clerk of none at none', () => {
    expect(chosenSchool({ role: 'school_admin', schools: two, requested: undefined, planSchool: undefined })).toBe(
      'mingde',
    );
    expect(chosenSchool({ role: 'staff', schools: [], requested: 'sunshine', planSchool: undefined })).toBeNull();
  });

  it('shows a provider admin every school until they pick one', () => {
    expect(chosenSchool({ role: 'admin', schools: two, requested: undefined, planSchool: undefined })).toBeNull();
    expect(chosenSchool({ role: 'admin', schools: two, requested: 'x', planSchool: undefined })).toBeNull();
    expect(chosenSchool({ role: 'admin', schools: two, requested: 'mingde', planSchool: undefined })).toBe('mingde');
  });
});
