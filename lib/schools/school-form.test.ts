import { describe, expect, it } from 'vitest';
import { fieldOf } from './school-form';

describe('fieldOf', () => {
  it('puts a refusal beside the field it is about', () => {
    expect(fieldOf('keyTaken')).toBe('key');
    expect(fieldOf('planTaken')).toBe('planId');
    expect(fieldOf('planNameTaken')).toBe('name');
    expect(fieldOf('schoolName')).toBe('name');
    expect(fieldOf('wechatSchoolId')).toBe('wechatSchoolId');
  });

  it('leaves refusals about no one field to the form', () => {
    expect(fieldOf('notAdmin')).toBeUndefined();
    expect(fieldOf('schoolArchived')).toBeUndefined();
    expect(fieldOf('planUnknown')).toBeUndefined();
  });
});
