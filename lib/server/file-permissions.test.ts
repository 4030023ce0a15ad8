import { chmodSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '@/test-support/keys';
import { readableByOthers } from './file-permissions';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('readableByOthers', () => {
  it.each([
    [0o600, false],
    [0o400, false],
    [0o640, true],
    [0o604, true],
    [0o644, true],
  ])('is %o → %s', (mode, expected) => {
    const file = temp.write('apiclient_key.pem', 'key');
    chmodSync(file, mode);
    expect(readableByOthers(file)).toBe(expected);
  });

  it('is false for a file that is not there (the settings already said so)', () => {
    expect(readableByOthers(`${temp.path}/nope.pem`)).toBe(false);
  });
});
