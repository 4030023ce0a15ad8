/** What `npm run admin -- --help` prints. */
export const USAGE = `The dashboard's admin command line, on the same database as the app (DATA_DIR or DATABASE_URL,
and BETTER_AUTH_SECRET with DATABASE_URL, as the server is configured). Every change is recorded in
the audit trail as done by "cli", and applies in the running app at once.

Usage: npm run admin -- COMMAND

  school add KEY --name NAME [--wechat-school-id ID]   KEY: a-z, 0-9 and '-', 2–32 characters
  school list
  school rename KEY --name NAME
  school archive KEY
  plan add SCHOOL_KEY PLAN_ID --name NAME
  plan list [SCHOOL_KEY]
  plan rename PLAN_ID --name NAME
  plan archive PLAN_ID
  user add USERNAME --role admin|school_admin|staff [--school SCHOOL_KEY]...
  user list
  user reset-password USERNAME
  user enable USERNAME
  user disable USERNAME
  user role USERNAME --role admin|school_admin|staff
  user schools USERNAME --school SCHOOL_KEY [--school SCHOOL_KEY]...
  roster import SCHOOL_KEY FILE   replace the school's parent directory (家长名册) with a CSV
                       (UTF-8 or GB18030) or XLSX file; all or nothing
  roster delete SCHOOL_KEY
  backup FILE          a consistent copy of the SQLite database, safe while the app runs
                       (with DATABASE_URL: use PostgreSQL's pg_dump instead)

"user add" and "user reset-password" read the password from the first line of standard input,
never from an argument, e.g.  printf '%s\\n' "$PASSWORD" | npm run admin -- user add li --role staff --school north
Staff and school admins need at least one school; a provider admin needs none.
Exit status 0 on success; otherwise one line on standard error says what is wrong, and nothing
is changed ("roster import" prints each problem of the file as "line N: what is wrong").
`;
