/**
 * A staff account as the admin pages show it: no e-mail, no ban reason, no password. Plain data,
 * so the server lists it (lib/staff/server/accounts.ts) and client components show it.
 */
export interface StaffAccount {
  id: string;
  username: string;
  role: string;
  banned: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The keys of the schools they work for. */
  schools: string[];
}

/** A school an admin may give an account, as the users page offers it. */
export interface SchoolOption {
  key: string;
  name: string;
}
