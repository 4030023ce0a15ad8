import type { Page } from '@playwright/test';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

/**
 * Tab through a whole page: every control that takes focus shows a ring at least 2px wide whose
 * colour stands out 3:1 from what is behind it (WCAG 1.4.11), in both themes.
 */
interface Stop {
  /** Its place in the document, to know when Tab has come round again. */
  at: number;
  control: string;
  problem: string | null;
}

/** Runs in the page: the focused control and what is wrong with its ring, if anything. */
function inspectFocused(): Stop | null {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const box = focused.getBoundingClientRect();
  // A visually hidden radio shows its focus on its label.
  const shownOn = box.width <= 1 && box.height <= 1 ? (focused.closest('label') ?? focused) : focused;
  const at = [...document.querySelectorAll('*')].indexOf(focused);
  const name = shownOn.textContent?.trim() || (focused as HTMLInputElement).labels?.[0]?.textContent?.trim() || '';
  const control = `${focused.tagName.toLowerCase()} “${name.slice(0, 20)}”`;

  const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!canvas) throw new Error('no canvas');
  const rgba = (color: string) => {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = color;
    canvas.fillRect(0, 0, 1, 1);
    return [...canvas.getImageData(0, 0, 1, 1).data];
  };
  const luminance = ([r, g, b]: number[]) => {
    const [R, G, B] = [r, g, b].map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  let behind = [255, 255, 255, 255];
  for (let node = shownOn.parentElement; node; node = node.parentElement) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) {
      behind = color;
      break;
    }
  }

  const style = getComputedStyle(shownOn);
  if (style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) < 2) {
    return { at, control, problem: `outline ${style.outlineStyle} ${style.outlineWidth}` };
  }
  const [a, b] = [luminance(rgba(style.outlineColor)), luminance(behind)];
  const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return { at, control, problem: contrast < 3 ? `ring contrast ${contrast.toFixed(2)}` : null };
}

async function expectEveryFocusVisible(page: Page) {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (let press = 0; press < 80; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(inspectFocused);
    if (!stop || seen.has(stop.at)) break;
    seen.add(stop.at);
    if (stop.problem) problems.push(`${stop.control}: ${stop.problem}`);
  }
  expect(seen.size, 'controls reached with Tab').toBeGreaterThan(3);
  expect(problems).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('every control on the contracts, audit and users pages shows its focus', async ({ page }) => {
      for (const url of [contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }), '/admin/audit', '/admin/users']) {
        await open(page, url);
        await test.step(url, () => expectEveryFocusVisible(page));
      }
    });

    test.describe('signed out', () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test('every control on the login page shows its focus', async ({ page }) => {
        await open(page, '/login');
        await expectEveryFocusVisible(page);
      });
    });
  });
}
