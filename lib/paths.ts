/** The app's own paths, written once for the pages, links, redirects and fetches that use them. */

/** The contracts page: staff's home, where sign-in leads by default. */
export const CONTRACTS_PATH = '/contracts';
/** The CSV export's route handler, which the contracts page posts a search to. */
export const CONTRACTS_EXPORT_PATH = '/contracts/export';
