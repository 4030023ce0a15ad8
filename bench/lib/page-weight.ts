import { gzipSync } from 'node:zlib';

export interface Asset {
  url: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  path: string;
  assets: Asset[];
  jsGzip: number;
  cssGzip: number;
  /** The HTML document itself (with the inline RSC payload), gzip: context, not part of the goal. */
  htmlGzip: number;
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i');

/**
 * What a modern browser fetches first for a page, read from the HTML the server sends:
 * `<script src>` (not `noModule`, which such a browser skips), `<link rel="preload" as="script">`
 * and `<link rel="stylesheet">`. Each file counts once; gzip at level 9.
 */
export function firstLoadUrls(html: string): { url: string; kind: 'js' | 'css' }[] {
  const found = new Map<string, 'js' | 'css'>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = ATTRIBUTE('src').exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) found.set(src, 'js');
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = ATTRIBUTE('rel').exec(tag)?.[1]?.toLowerCase();
    const href = ATTRIBUTE('href').exec(tag)?.[1];
    if (!href) continue;
    if (rel === 'stylesheet') found.set(href, 'css');
    else if ((rel === 'preload' || rel === 'modulepreload') && ATTRIBUTE('as').exec(tag)?.[1] === 'script') {
      found.set(href, 'js');
    }
  }
  return [...found].map(([url, kind]) => ({ url: url.replaceAll('&amp;', '&'), kind }));
}

const gzipSize = (data: Buffer) => gzipSync(data, { level: 9 }).length;

async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' }, redirect: 'manual' });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** `headers`: e.g. the signed-in `Cookie` for a page behind the login. */
export async function measurePage(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> {
  const html = await fetchBytes(`${baseUrl}${path}`, headers);
  const assets: Asset[] = [];
  for (const { url, kind } of firstLoadUrls(html.toString('utf8'))) {
    const bytes = await fetchBytes(new URL(url, baseUrl).href);
    assets.push({ url, kind, bytes: bytes.length, gzipBytes: gzipSize(bytes) });
  }
  const sum = (kind: Asset['kind']) => assets.filter((a) => a.kind === kind).reduce((n, a) => n + a.gzipBytes, 0);
  return { path, assets, jsGzip: sum('js'), cssGzip: sum('css'), htmlGzip: gzipSize(html) };
}
