import type { RosterEntry } from '@/lib/roster/entry';

/**
 * A realistic school roster for the directory benchmark: names drawn from China's commonest
 * surnames by their real weight (so 王, 李, 张 match thousands), given names of one or two
 * characters, two guardians for some students, 11-digit mobiles, grades and classes. Seeded, so
 * each run searches the same data.
 */

// The 30 commonest surnames with their approximate share (‰) of the population.
const SURNAMES: [string, number][] = [
  ['王', 74],
  ['李', 72],
  ['张', 68],
  ['刘', 53],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 13],
  ['孙', 12],
  ['马', 12],
  ['朱', 11],
  ['胡', 10],
  ['郭', 10],
  ['何', 9],
  ['林', 9],
  ['高', 9],
  ['罗', 8],
  ['郑', 8],
  ['梁', 7],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 5],
  ['韩', 5],
  ['曾', 5],
  ['邓', 5],
  ['冯', 5],
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩然子涵一诺梓轩欣怡雨泽思晨佳琪博文俊熙嘉懿若汐可馨',
];
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** mulberry32: small, fast and good enough to pick names. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);

function surname(random: () => number): string {
  let pick = random() * SURNAME_TOTAL;
  for (const [name, weight] of SURNAMES) {
    pick -= weight;
    if (pick < 0) return name;
  }
  return SURNAMES[0][0];
}

const given = (random: () => number) => GIVEN[Math.floor(random() * GIVEN.length)];

function fullName(random: () => number, family = surname(random)): string {
  return family + given(random) + (random() < 0.7 ? given(random) : '');
}

function phone(random: () => number): string {
  const prefix = PHONE_PREFIXES[Math.floor(random() * PHONE_PREFIXES.length)];
  return prefix + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

const GRADES = ['一', '二', '三', '四', '五', '六'];

/** One school's roster of `rows` rows: its students, a fifth of them with a second guardian. */
export function schoolRoster(schoolIndex: number, rows: number): RosterEntry[] {
  const random = seeded(schoolIndex + 1);
  const entries: RosterEntry[] = [];
  for (let n = 0; entries.length < rows; n += 1) {
    const family = surname(random);
    const studentName = fullName(random, family);
    const studentNo = `${2019 + (n % 6)}${String(n).padStart(5, '0')}`;
    const className = `${GRADES[n % 6]}年级（${1 + (Math.floor(n / 6) % 10)}）班`;
    const guardians = random() < 0.2 ? [fullName(random, family), fullName(random)] : [fullName(random, family)];
    guardians.slice(0, rows - entries.length).forEach((guardianName, g) => {
      entries.push({
        studentName,
        openid: `oBench${schoolIndex}_${n}_${g}`,
        studentNo,
        className,
        guardianName,
        phone: phone(random),
      });
    });
  }
  return entries;
}
