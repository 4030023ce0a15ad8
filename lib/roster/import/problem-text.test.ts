import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { problemText } from './problem-text';
import type { RosterProblem } from './problems';

const zh = createTranslator({ locale: 'zh-CN', messages: zhCN, namespace: 'rosterImport' });
const english = createTranslator({ locale: 'en', messages: en, namespace: 'rosterImport' });

describe('problemText', () => {
  it('says a problem by the file’s line, naming the column, in the page’s language', () => {
    const missing: RosterProblem = { line: 3, kind: 'required', field: 'openid' };
    expect(problemText(zh, missing)).toBe('第 3 行：“openid”是空的。');
    expect(problemText(english, missing)).toBe('Line 3: “openid” is empty.');
    const long: RosterProblem = { line: 7, kind: 'tooLong', field: 'studentName', max: 64 };
    expect(problemText(zh, long)).toBe('第 7 行：“学生姓名”超过 64 个字符。');
    expect(problemText(zh, { line: 1, kind: 'missingColumn', field: 'studentName' })).toBe(
      '第 1 行：缺少“学生姓名”列。',
    );
  });

  it('says a problem of the whole file, with its limit', () => {
    expect(problemText(zh, { line: null, kind: 'tooManyRows', max: 20000 })).toBe(
      '文件：超过 20000 行：一所学校的名册最多 20000 行。',
    );
    expect(problemText(english, { line: null, kind: 'tooLarge', max: 10 })).toBe(
      'File: the file is larger than 10 MB.',
    );
  });
});
