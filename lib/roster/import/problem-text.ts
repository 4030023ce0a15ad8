import type { Translator } from '@/i18n/translator';
import type { RosterProblem } from './problems';

/** A roster problem in the page's language: "第 3 行：“openid”是空的。", or "文件：…" for the file as a whole. */
export function problemText(t: Translator<'rosterImport'>, problem: RosterProblem): string {
  const values = {
    column: 'field' in problem ? t(`columns.${problem.field}`) : '',
    max: 'max' in problem ? problem.max : 0,
  };
  const what = t(`problems.${problem.kind}`, values as never);
  return problem.line === null ? t('wholeFile', { problem: what }) : t('line', { line: problem.line, problem: what });
}
