import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { firstProblemPerField } from './field-problems';
import { validate } from './validate';

const schema = v.object({
  name: v.pipe(v.string(), v.minLength(1, 'required'), v.regex(/^[a-z]+$/, 'format')),
  age: v.number('number'),
  id: v.string('id'),
});

function problems(input: unknown) {
  const result = validate(schema, input);
  if (result.success) throw new Error('accepted');
  return result.problems;
}

describe('firstProblemPerField', () => {
  it('keeps the first problem of each field, in the order they were found', () => {
    expect(firstProblemPerField(problems({ name: '', age: 'x', id: 'u1' }))).toEqual({
      name: 'required',
      age: 'number',
    });
  });

  it('keeps only the fields asked for', () => {
    expect(firstProblemPerField(problems({ name: 'ok', age: 1 }), ['name', 'age'])).toEqual({});
    expect(firstProblemPerField(problems({ name: '1', age: 1 }), ['name'])).toEqual({ name: 'format' });
  });

  it('leaves out problems with the whole input', () => {
    expect(firstProblemPerField(problems(null))).toEqual({});
    expect(firstProblemPerField([{ path: [], message: 'whole' }])).toEqual({});
  });

  it('does not take a field name for a property of every object', () => {
    expect(firstProblemPerField([{ path: ['constructor'], message: 'bad' }])).toEqual({ constructor: 'bad' });
    expect(firstProblemPerField([{ path: [0], message: 'index' }])).toEqual({});
  });
});
