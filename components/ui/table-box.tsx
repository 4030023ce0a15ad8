import type { ReactNode } from 'react';

interface TableBoxProps {
  /** Names the box as a region; without it the box is only a box, where the page's own section names the table. */
  label?: string;
  /** Adds to the box, e.g. a height to scroll rows under a sticky header. */
  className?: string;
  /**
   * Whether a named box itself takes focus: needed when nothing inside can, or a keyboard could not
   * scroll it (WCAG 2.1.1); an extra stop when its rows take focus themselves.
   */
  focusable?: boolean;
  children: ReactNode;
}

/**
 * The box around a wide table: on a narrow screen the table scrolls sideways inside it, not the
 * page. Named, it is a region, so keyboard and screen-reader users can find and scroll it.
 */
export function TableBox({ label, className = '', focusable = true, children }: TableBoxProps) {
  const box = `overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`;
  if (label === undefined) return <div className={box}>{children}</div>;
  return (
    <section aria-label={label} className={box} tabIndex={focusable ? 0 : undefined}>
      {children}
    </section>
  );
}
