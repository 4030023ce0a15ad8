/**
 * A staff account as the admin pages show it: no e-mail, no ban reason, no password. Plain data,
 * so the server lists it (lib/staff/server/account-service.ts) and client components show it.
 */
export interface StaffAccount {
  id: string;
  username: string;
  role: string;
  banned: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The keys of the schools they work for (for a school admin, those of their own schools). */
  schools: string[];
  /**
   * Whether the one listing may change it: a school admin may not touch a clerk who also works
   * for another school, nor an admin (the account service refuses; the page offers nothing).
   */
  manageable: boolean;
}

/** A school an admin may give an account, as the users page offers it. */
export interface SchoolOption {
  key: string;
  name: string;
}
