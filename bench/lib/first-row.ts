import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_SEARCH } from './demo';
import type { SignedIn } from './session';
import { median } from './stats';

/**
 * Runs in the page before any of its own script: tags the first text inside the selector (and
 * its ancestors up to the match) with `elementtiming` as soon as the parser inserts it (a
 * MutationObserver fires before the next paint), and keeps the Element Timing entry's renderTime:
 * ms from navigation start to the frame in which that text was first painted. Plain JavaScript
 * text on purpose: a function would be serialised from this file's transpiled code, helpers and all.
 */
function paintProbe(selector: string): string {
  return `(() => {
  const selector = ${JSON.stringify(selector)};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'bench-first' && window.__benchPaint === undefined) {
        window.__benchPaint = entry.renderTime || entry.startTime;
      }
    }
  }).observe({ type: 'element', buffered: true });
  function tag() {
    const target = document.querySelector(selector);
    if (!target) return false;
    const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent.trim() && node.parentElement) {
        // Chromium reports text under the block that lays it out (a td, not an inline span):
        // tag every element from the text up to the selector's match; the first entry wins.
        for (let element = node.parentElement; element; element = element.parentElement) {
          element.setAttribute('elementtiming', 'bench-first');
          if (element === target) break;
        }
        return true;
      }
    }
    return false;
  }
  const observer = new MutationObserver(() => {
    if (tag()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

export interface Series {
  /** ms from navigation start to the first painted text of the selector, per navigation. */
  paintMs: number[];
  /** ms from navigation start to the first byte of the HTML (Navigation Timing responseStart). */
  firstByteMs: number[];
  paintP50Ms: number;
  firstByteP50Ms: number;
}

export interface FirstRowResult {
  samples: number;
  /** Navigations whose first HTML response already held the page-1 rows. */
  rowsInHtml: number;
  /** The demo search, as a clerk opens it. */
  contracts: Series;
  /** The same with the app's JavaScript files blocked (half as many samples): what HTML and CSS alone cost. */
  contractsWithoutScripts: Series;
  /** /blank, the same server's baseline page. */
  blank: Series;
  failures: string[];
}

function rowsInFirstHtml(html: string): number {
  const tbody = /<tbody\b[^>]*>([\s\S]*?)<\/tbody>/i.exec(html)?.[1] ?? '';
  return (tbody.match(/<tr\b/gi) ?? []).length;
}

/** Waits up to 5 s for the probe's paint time, polling. */
const PAINT_READ = `new Promise((resolve, reject) => {
  const started = performance.now();
  (function check() {
    if (window.__benchPaint !== undefined) resolve(window.__benchPaint);
    else if (performance.now() - started > 5000) reject(new Error('no paint within 5 s'));
    else setTimeout(check, 10);
  })();
})`;

interface Visit {
  paintMs: number;
  firstByteMs: number;
  html: string;
}

async function visit(page: Page, url: string): Promise<Visit> {
  const response = await page.goto(url, { waitUntil: 'load' });
  const html = response ? await response.text() : '';
  // Read by an expression the DevTools protocol evaluates (plain text, like the probe: a function
  // would carry the transpiler's helpers), never one the page itself would eval: the app's CSP
  // (no 'unsafe-eval') refuses that, and a measurement must not depend on the policy it runs under.
  const paintMs = (await page.evaluate(PAINT_READ)) as number;
  const firstByteMs = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStart ?? NaN,
  );
  return { paintMs, firstByteMs, html };
}

/** A signed-in tab whose HTTP cache is off, so that every navigation loads everything as a first visit does. */
async function coldTab(context: BrowserContext, blockScripts: boolean): Promise<Page> {
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (blockScripts) await page.route('**/_next/static/**/*.js', (route) => route.abort());
  return page;
}

function series(visits: Visit[]): Series {
  const paintMs = visits.map((v) => v.paintMs);
  const firstByteMs = visits.map((v) => v.firstByteMs);
  return { paintMs, firstByteMs, paintP50Ms: median(paintMs), firstByteP50Ms: median(firstByteMs) };
}

type Kind = 'contracts' | 'contractsWithoutScripts' | 'blank';
const KINDS: Kind[] = ['contracts', 'contractsWithoutScripts', 'blank'];

/**
 * `samples` navigations each to the demo search and to /blank, and half as many (context) to the
 * search with the app's scripts blocked, in rotating order, after one round unmeasured. Each kind has its own tab
 * with the HTTP cache off, so every navigation fetches the HTML, CSS and JS as a first visit does;
 * the tabs stay open (a new browser context per navigation would mostly time Chromium starting
 * a renderer on this 2-core machine).
 */
export async function measureFirstRow(
  browser: Browser,
  signedIn: SignedIn,
  baseUrl: string,
  samples = 20,
): Promise<FirstRowResult> {
  const visits: Record<Kind, Visit[]> = { contracts: [], contractsWithoutScripts: [], blank: [] };
  const failures: string[] = [];
  let rowsInHtml = 0;
  const context = await browser.newContext({ storageState: signedIn });
  try {
    await context.addInitScript({ content: paintProbe('table tbody tr, #blank') });
    const tabs: Record<Kind, Page> = {
      contracts: await coldTab(context, false),
      contractsWithoutScripts: await coldTab(context, true),
      blank: await coldTab(context, false),
    };
    for (let i = -1; i < samples; i += 1) {
      const order = KINDS.map((_, k) => KINDS[(k + i + 3) % KINDS.length]);
      for (const kind of order) {
        // The blocked-scripts tab is context only: every other round is enough.
        if (kind === 'contractsWithoutScripts' && i % 2 !== 0) continue;
        try {
          const result = await visit(tabs[kind], kind === 'blank' ? `${baseUrl}/blank` : `${baseUrl}${DEMO_SEARCH}`);
          if (i < 0) continue;
          visits[kind].push(result);
          if (kind === 'contracts') {
            const rows = rowsInFirstHtml(result.html);
            if (rows === 20 && result.html.includes('LUNCH-0001')) rowsInHtml += 1;
            else failures.push(`first HTML had ${rows} rows`);
          }
        } catch (error) {
          if (i >= 0) failures.push(`${kind}: ${String(error).split('\n')[0]}`);
        }
      }
    }
  } finally {
    await context.close();
  }
  return {
    samples,
    rowsInHtml,
    contracts: series(visits.contracts),
    contractsWithoutScripts: series(visits.contractsWithoutScripts),
    blank: series(visits.blank),
    failures,
  };
}
