/**
 * The sandbox's demo school: believable parents, plans and contracts, the same on every start.
 * Ids are 20-digit strings on purpose: past 2^53, so any code that turned one into a number
 * would show a wrong id.
 */

export const SANDBOX_MCHID = '1900000001';
export const SANDBOX_APPID = 'wxd678efh567hg6787';

export const DEMO_PLANS = [
  { planId: '101164396123311331', name: '午餐费' },
  { planId: '101164396123311332', name: '校车费' },
  { planId: '101164396123311333', name: '课后服务费' },
] as const;

const [LUNCH, BUS, AFTER_SCHOOL] = DEMO_PLANS.map((plan) => plan.planId);

/**
 * The demo schools the app is seeded with in sandbox mode (one deployment, many schools): each
 * holds some of the demo plans, so each school's clerk finds their own parents and no others.
 */
export const DEMO_SCHOOLS = [
  { key: 'sunshine', name: '阳光小学', planIds: [LUNCH, BUS] },
  { key: 'mingde', name: '明德中学', planIds: [AFTER_SCHOOL] },
] as const;

export interface SeedContract {
  contract_id: string;
  plan_id: string;
  contract_status: 'ADD' | 'DELETE';
  create_time: string;
  out_contract_code: string;
}

export interface DemoParent {
  openid: string;
  name: string;
  /** What staff will find, for the demo list on the page. */
  story: string;
  /** The plan to try first. */
  planId: string;
  /**
   * 'documented': signed before terminated, as WeChat promises. 'as-stored': the stored order,
   * statuses mixed, so the dashboard's own ordering can be seen at work.
   */
  serverOrder: 'documented' | 'as-stored';
  contracts: SeedContract[];
  /**
   * The openid and AppID WeChat answers with, when the parent gave the school an openid of another
   * AppID (their other official account or mini program): WeChat documents that this can happen.
   */
  answeredAs?: { openid: string; appid: string };
}

function contractId(n: number): string {
  return `2026${String(n).padStart(16, '0')}`;
}

/** Many years of lunch contracts for a large family: enough for three pages of 20. */
function manyLunchContracts(): SeedContract[] {
  return Array.from({ length: 53 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 8, 1, 2, 0, 0) - i * 7 * 86_400_000);
    return {
      contract_id: contractId(530_000 + i),
      plan_id: LUNCH,
      contract_status: i % 5 === 1 || i % 5 === 3 ? 'DELETE' : 'ADD',
      create_time: `${day.toISOString().slice(0, 19)}+00:00`,
      out_contract_code: `LUNCH-${String(i + 1).padStart(4, '0')}`,
    };
  });
}

export const DEMO_PARENTS: DemoParent[] = [
  {
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    name: '张女士',
    story: '三个孩子，历年午餐费签约 53 条，可翻页；另有校车费 2 条（不选模板即可一并查看）',
    planId: LUNCH,
    serverOrder: 'documented',
    contracts: [
      ...manyLunchContracts(),
      {
        contract_id: contractId(540_001),
        plan_id: BUS,
        contract_status: 'ADD',
        create_time: '2026-08-30T07:40:00+08:00',
        out_contract_code: 'BUS-2026-ZHANG-01',
      },
      {
        contract_id: contractId(540_002),
        plan_id: BUS,
        contract_status: 'DELETE',
        create_time: '2025-09-01T07:35:00+08:00',
        out_contract_code: 'BUS-2025-ZHANG-01',
      },
    ],
  },
  {
    openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A',
    name: '李先生',
    story: '午餐费去年解约、今年重新签约；另签了校车费',
    planId: LUNCH,
    serverOrder: 'documented',
    contracts: [
      {
        contract_id: contractId(110_001),
        plan_id: LUNCH,
        contract_status: 'ADD',
        create_time: '2026-09-01T10:00:00+08:00',
        out_contract_code: 'LUNCH-2026-LI-01',
      },
      {
        contract_id: contractId(110_002),
        plan_id: LUNCH,
        contract_status: 'DELETE',
        // 16:30 UTC on 31 August is half past midnight on 1 September in Beijing.
        create_time: '2025-08-31T16:30:00.250Z',
        out_contract_code: 'LUNCH-2025-LI-01',
      },
      {
        contract_id: contractId(120_001),
        plan_id: BUS,
        contract_status: 'ADD',
        create_time: '2026-08-28T09:15:42+08:00',
        out_contract_code: 'BUS-2026-LI-01',
      },
    ],
  },
  {
    openid: 'oX9bT4mQ2sLr7vN1cK8pH3dF6gJw',
    name: '王女士',
    story: '午餐费已解约（家长来电问“是不是被解约了”）',
    planId: LUNCH,
    serverOrder: 'documented',
    contracts: [
      {
        contract_id: contractId(210_001),
        plan_id: LUNCH,
        contract_status: 'DELETE',
        create_time: '2026-03-02T08:05:00+08:00',
        out_contract_code: 'LUNCH-2026-WANG-01',
      },
    ],
  },
  {
    openid: 'oK5nR8wE2tY7uI1oP4aS6dF9gH0j',
    name: '赵先生',
    story: '课后服务费多次签约解约，接口按时间顺序返回、状态混排',
    planId: AFTER_SCHOOL,
    serverOrder: 'as-stored',
    contracts: [
      ['2026-10-08T18:20:00+08:00', 'DELETE'],
      ['2026-09-15T12:00:00+08:00', 'ADD'],
      ['2026-05-06T07:45:10+08:00', 'DELETE'],
      ['2026-03-01T09:00:00+08:00', 'ADD'],
      ['2025-11-20T20:10:00+08:00', 'DELETE'],
      ['2025-09-01T08:30:00+08:00', 'ADD'],
    ].map(([time, status], i) => ({
      contract_id: contractId(330_001 + i),
      plan_id: AFTER_SCHOOL,
      contract_status: status as 'ADD' | 'DELETE',
      create_time: time,
      out_contract_code: `ASC-ZHAO-${String(i + 1).padStart(2, '0')}`,
    })),
  },
  {
    openid: 'oC7vB2nM9xZ4aS1dF8gH3jK6lQ0w',
    name: '陈先生',
    story: '给的是另一个公众号下的 openid，微信支付返回的 openid 不同',
    planId: BUS,
    serverOrder: 'documented',
    answeredAs: { openid: 'oOtherAppId_5tGv2Wq8Lm3Zx7', appid: 'wx0th3rapp1d000001' },
    contracts: [
      {
        contract_id: contractId(420_001),
        plan_id: BUS,
        contract_status: 'ADD',
        create_time: '2026-09-01T07:10:00+08:00',
        out_contract_code: 'BUS-2026-CHEN-01',
      },
    ],
  },
];

/** What the page shows of a demo parent: who to try and what staff will find, not the data. */
type DemoParentSummary = Pick<DemoParent, 'openid' | 'name' | 'story' | 'planId'>;

export const DEMO_PARENT_SUMMARIES: readonly DemoParentSummary[] = DEMO_PARENTS.map(
  ({ openid, name, story, planId }) => ({ openid, name, story, planId }),
);
