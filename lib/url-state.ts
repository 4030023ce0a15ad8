/**
 * Reading and writing the state a page keeps in its URL. The server page gets Next's searchParams
 * record and the client gets URLSearchParams (useSearchParams); both are read here the same way,
 * so a URL means the same search on either side.
 */

/** A URL's query as Next hands it to a server page (its awaited searchParams prop). */
export type SearchParamsRecord = Readonly<Record<string, string | string[] | undefined>>;

/** A URL's query on either side: the server page's record, or URLSearchParams in the browser. */
export type UrlParams = SearchParamsRecord | URLSearchParams;

/** One parameter, the first of repeated ones; absent and empty both count as not given. */
export function readParam(params: UrlParams, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(name) : Object.hasOwn(params, name) ? params[name] : null;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === null || value === '' ? undefined : value;
}

/** The given parameters among `names` (see readParam), as text: whatever else the URL holds is ignored. */
export function readParams(params: UrlParams, names: readonly string[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const name of names) {
    const value = readParam(params, name);
    if (value !== undefined) given[name] = value;
  }
  return given;
}

/**
 * A query string of the given values in the order written, so equal states share one URL; a
 * value left undefined or empty is not written.
 */
export function writeParams(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

/** A path with the given values (see writeParams), without a "?" when there are none. */
export function withParams(path: string, values: Readonly<Record<string, string | number | undefined>>): string {
  const query = writeParams(values);
  return query ? `${path}?${query}` : path;
}
