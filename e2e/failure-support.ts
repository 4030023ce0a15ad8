/**
 * What the failure specs share: a way to tell the browser's own report of a failed request
 * (expected there) from a fault of the page.
 */

/** Leaves in `errors` (the fixture fails on any) only those not matching `expected`. */
export function dropExpected(errors: string[], expected: RegExp): void {
  const unexpected = errors.filter((error) => !expected.test(error));
  errors.splice(0, errors.length, ...unexpected);
}
