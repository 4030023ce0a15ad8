/**
 * `npm run check:size` (part of `npm test`, right after `npm run build`): starts the built app on a
 * loopback port, reads the script tags of the HTML /contracts is served with, and fails when its
 * first-load JavaScript (gzip -9) is over bench/size-budget.json. A size, never a timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '@/test-support/chromium';
import { readBudget } from './lib/budget';
import { freePort, installCleanup } from './lib/children';
import { DEMO_SEARCH } from './lib/demo';
import { startNextServer } from './lib/next-server';
import { measurePage } from './lib/page-weight';
import { RESULTS_DIR } from './lib/paths';
import { cookieHeader, signIn } from './lib/session';
import { kB } from './lib/stats';

async function main() {
  installCleanup();
  const budget = readBudget();
  const dataDir = mkdtempSync(join(tmpdir(), 'check-size-'));
  const server = await startNextServer({
    port: await freePort(),
    dataDir,
    logFile: join(RESULTS_DIR, 'check-size.log'),
  });
  try {
    // /contracts is behind the login: sign in as a clerk would, then read the HTML it is served with.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const signedIn = await signIn(browser, server.url).finally(() => browser.close());
    const path = budget.route === '/contracts' ? DEMO_SEARCH : budget.route;
    const page = await measurePage(server.url, path, { cookie: cookieHeader(signedIn) });
    const blank = await measurePage(server.url, '/blank');
    const files = page.assets.filter((asset) => asset.kind === 'js').length;
    const verdict = page.jsGzip <= budget.firstLoadJsGzipBytes;
    console.log(
      `${budget.route} first-load JS: ${kB(page.jsGzip)} gzip in ${files} files ` +
        `(/blank: ${kB(blank.jsGzip)}; budget ${kB(budget.firstLoadJsGzipBytes)}): ${verdict ? 'ok' : 'OVER BUDGET'}`,
    );
    if (!verdict) {
      for (const asset of page.assets.filter((a) => a.kind === 'js').sort((a, b) => b.gzipBytes - a.gzipBytes)) {
        console.log(`  ${kB(asset.gzipBytes).padStart(9)}  ${asset.url}`);
      }
      console.log('Shrink it, or raise the budget in bench/size-budget.json on purpose.');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
