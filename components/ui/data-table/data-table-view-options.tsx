'use client';

import type { RowData } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { secondaryButtonClass } from '@/components/ui/button-styles';
import type { DataTableInstance } from './features';

/** 显示的列: a checkbox for each column that may be hidden, named by its header. */
export function DataTableViewOptions<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const t = useTranslations('tableTools');
  const [menuOpen, setMenuOpen] = useState(false);
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    // The checkboxes exist only while the menu is open: closed, nothing in it can be found or tabbed to.
    <details className="relative" onToggle={(event) => setMenuOpen(event.currentTarget.open)}>
      <summary className={`${secondaryButtonClass} cursor-pointer list-none`}>{t('columns')}</summary>
      {menuOpen && (
        <fieldset
          aria-label={t('columns')}
          className="absolute left-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-3 shadow-lg"
        >
          {hideable.map((column) => (
            <label key={column.id} className="flex items-center gap-2 py-1 text-sm">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                onChange={(event) => column.toggleVisibility(event.target.checked)}
              />
              {String(column.columnDef.header)}
            </label>
          ))}
          <p className="mt-1 text-xs text-slate-600">{t('columnsHint')}</p>
        </fieldset>
      )}
    </details>
  );
}
