import type { RosterEntry } from './entry';

/**
 * The sandbox's demo parent directory (家长名册): each demo school's students whose guardians are
 * the sandbox's seeded parents (lib/sandbox/seed.ts, by openid), so a new user can type 张, zxm or
 * 5678 and land on a parent with contracts. Pure data; demo-roster.test.ts holds it to the seed.
 */
export const DEMO_ROSTERS: Readonly<Record<string, readonly RosterEntry[]>> = {
  sunshine: [
    {
      studentName: '张小明',
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      studentNo: '2024001',
      className: '三年级（2）班',
      guardianName: '张丽华',
      phone: '13812345678',
    },
    {
      studentName: '李雷',
      openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A',
      studentNo: '2023015',
      className: '四年级（1）班',
      guardianName: '李建国',
      phone: '13900001234',
    },
    {
      studentName: '李梅',
      openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A',
      studentNo: '2025008',
      className: '二年级（3）班',
      guardianName: '李建国',
      phone: '13900001234',
    },
    {
      studentName: '王欣怡',
      openid: 'oX9bT4mQ2sLr7vN1cK8pH3dF6gJw',
      studentNo: '2024033',
      className: '三年级（1）班',
      guardianName: '王芳',
      phone: '13700005566',
    },
    {
      studentName: '陈子涵',
      openid: 'oC7vB2nM9xZ4aS1dF8gH3jK6lQ0w',
      studentNo: '2022041',
      className: '五年级（2）班',
      guardianName: '陈刚',
      phone: '13611112222',
    },
  ],
  mingde: [
    {
      studentName: '赵一诺',
      openid: 'oK5nR8wE2tY7uI1oP4aS6dF9gH0j',
      studentNo: '2021007',
      className: '初二（3）班',
      guardianName: '赵强',
      phone: '15800003333',
    },
  ],
};
