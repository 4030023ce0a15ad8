import type { ReactNode } from 'react';

/**
 * The box around a wide table: on a narrow screen the table scrolls sideways inside it, not the
 * page. It is a named region that takes focus, so keyboard users can scroll it with the arrows.
 * `className` adds to the box, e.g. a height to scroll rows under a sticky header.
 */
export function TableBox({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box without focusable content must take focus itself, or a keyboard cannot scroll it (WCAG 2.1.1).
      tabIndex={0}
    >
      {children}
    </section>
  );
}
