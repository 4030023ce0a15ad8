import { useTranslations } from 'next-intl';

/** A file's problems, one per line of the file at fault, and how many more there are. */
export function RosterProblems({ problems, more }: { problems: readonly string[]; more: number }) {
  const t = useTranslations('rosterImport');
  return (
    <>
      <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-800">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      {more > 0 && <p className="text-sm text-red-800">{t('moreProblems', { count: more })}</p>}
    </>
  );
}
