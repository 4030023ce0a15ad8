/**
 * Who may do what, by role (better-auth's user.role): the provider's `admin` serves every school;
 * a `school_admin` runs the staff accounts and the audit trail of their schools and looks up;
 * `staff` look up, within their schools only.
 */
export const ROLES = ['admin', 'school_admin', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A stored role as one of ours: anything unknown (or none) is the least, staff. */
export function roleOf(stored: string | null | undefined): Role {
  return isRole(stored) ? stored : 'staff';
}

/** Whoever acts: a signed-in person, or the command line (a provider admin with no account). */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** The keys of the schools they work for; a provider admin's do not limit them. */
  schools: readonly string[];
}

/** An act and where it came from, for its audit record: a client's address, or 'cli'. */
export interface Origin {
  actor: Actor;
  from: string | null;
  /** The session the act was made in: a person resetting their own password keeps it, and only it. */
  keepSession?: string;
}

/** The admin command line: acts as the provider, recorded as 'cli' from 'cli'. */
export const COMMAND_LINE: Origin = {
  actor: { userId: 'cli', username: 'cli', role: 'admin', schools: [] },
  from: 'cli',
};

/** WECHATPAY_PLANS applied at start: the provider's configuration, recorded as such. */
export const SETTINGS: Origin = {
  actor: { userId: 'settings', username: 'WECHATPAY_PLANS', role: 'admin', schools: [] },
  from: 'startup',
};
