'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import { ALWAYS_SHOWN, CONTRACT_COLUMNS, contractHeader } from '@/lib/contracts/fields';
import type { Density, TablePreferences } from './use-table-preferences';

interface TableToolbarProps {
  preferences: TablePreferences;
  onChange: (change: Partial<TablePreferences>) => void;
  /** More actions on the same line (the export). */
  children?: ReactNode;
}

const DENSITIES: Density[] = ['comfortable', 'compact'];

/** Which columns show and how tightly the rows sit, remembered for this staff member. */
export function TableToolbar({ preferences, onChange, children }: TableToolbarProps) {
  const t = useTranslations();
  const [menuOpen, setMenuOpen] = useState(false);
  const hideable = CONTRACT_COLUMNS.filter((column) => !ALWAYS_SHOWN.includes(column));

  function toggle(id: string, visible: boolean) {
    const hidden = preferences.hidden.filter((other) => other !== id);
    onChange({ hidden: visible ? hidden : [...hidden, id] });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* The checkboxes exist only while the menu is open: closed, nothing in it can be found or tabbed to. */}
      <details className="relative" onToggle={(event) => setMenuOpen(event.currentTarget.open)}>
        <summary className={`${secondaryButtonClass} cursor-pointer list-none`}>{t('tableTools.columns')}</summary>
        {menuOpen && (
          <fieldset
            aria-label={t('tableTools.columns')}
            className="absolute left-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-3 shadow-lg"
          >
            {hideable.map((id) => (
              <label key={id} className="flex items-center gap-2 py-1 text-sm">
                <input
                  type="checkbox"
                  checked={!preferences.hidden.includes(id)}
                  onChange={(event) => toggle(id, event.target.checked)}
                />
                {contractHeader(t, id)}
              </label>
            ))}
            <p className="mt-1 text-xs text-slate-600">{t('tableTools.columnsHint')}</p>
          </fieldset>
        )}
      </details>
      <fieldset className="flex items-center gap-2">
        <legend className="sr-only">{t('tableTools.density')}</legend>
        <span aria-hidden="true" className="text-sm text-slate-600">
          {t('tableTools.density')}
        </span>
        <span className="inline-flex overflow-hidden rounded-md border border-slate-300">
          {DENSITIES.map((density) => (
            <button
              key={density}
              type="button"
              aria-pressed={preferences.density === density}
              onClick={() => onChange({ density })}
              className="bg-white px-3 py-1.5 text-sm not-first:border-l not-first:border-slate-300 hover:bg-slate-50 aria-pressed:bg-slate-800 aria-pressed:text-white"
            >
              {t(`tableTools.${density}`)}
            </button>
          ))}
        </span>
      </fieldset>
      {children}
    </div>
  );
}
