/** What a validation library reports of one problem: where it is, and what is wrong (here a message key). */
export interface Problem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The first problem of each field, keyed by the field's name. A form shows one message beside a
 * field, and the first is the one to fix first (a missing value before its format). Problems with
 * the whole input rather than a field have no place beside one and are left out; so are fields
 * outside `fields`, when given (a hidden id is not the form's to show).
 *
 * The messages are taken as the caller's issue keys: the schemas speak no language, and each
 * screen translates the key where it shows it.
 */
export function firstProblemPerField<Field extends string, Issue extends string>(
  problems: readonly Problem[],
  fields?: readonly Field[],
): Partial<Record<Field, Issue>> {
  const found: Partial<Record<Field, Issue>> = {};
  for (const { path, message } of problems) {
    const field = path[0];
    if (typeof field !== 'string' || field === '') continue;
    if (fields && !(fields as readonly string[]).includes(field)) continue;
    if (!Object.hasOwn(found, field)) found[field as Field] = message as Issue;
  }
  return found;
}
