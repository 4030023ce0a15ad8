import { median, ms, percentile, ratio } from './stats';

/** What bench/all-plans.ts measures: each side's wall times in ms, over the same rounds. */
export interface AllPlansBench {
  delayMs: number;
  plans: number;
  rounds: number;
  singleMs: number[];
  allPlansMs: number[];
  /** Median all-plans wall time ÷ median single-plan wall time. */
  ratio: number;
}

/** The goal: the plans are asked at once, so the search costs about one answer's time. */
export const ALL_PLANS_GOAL = 1.3;

/** Section 6's rows of the report table. */
export function allPlansRows(a: AllPlansBench): string[][] {
  return [
    [
      '6',
      `all-plans search of ${a.plans} plans vs one single-plan lookup, p50 / p90 ms (WeChat answering after ${a.delayMs} ms, ${a.rounds} rounds)`,
      `${ms(median(a.allPlansMs))} / ${ms(percentile(a.allPlansMs, 90))}`,
      `${ms(median(a.singleMs))} / ${ms(percentile(a.singleMs, 90))}`,
      ratio(a.ratio),
      `≤ ${ratio(ALL_PLANS_GOAL)}`,
      a.ratio <= ALL_PLANS_GOAL ? 'met' : '**not met**',
    ],
  ];
}
