'use client';

import { useCallback, useEffect, useState } from 'react';
import { ALWAYS_SHOWN, CONTRACT_COLUMNS } from '@/lib/contracts/fields';

/** Only columns that exist and may be hidden: an old or edited stored value cannot hide the rest. */
const HIDEABLE = new Set<string>(CONTRACT_COLUMNS.filter((column) => !ALWAYS_SHOWN.includes(column)));

export type Density = 'comfortable' | 'compact';

export interface TablePreferences {
  /** Ids of the columns this staff member hid. */
  hidden: string[];
  density: Density;
}

const DEFAULTS: TablePreferences = { hidden: [], density: 'comfortable' };

function read(key: string): TablePreferences {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Partial<TablePreferences> | null;
    return {
      hidden: Array.isArray(stored?.hidden) ? stored.hidden.filter((id) => HIDEABLE.has(id)) : DEFAULTS.hidden,
      density: stored?.density === 'compact' ? 'compact' : DEFAULTS.density,
    };
  } catch {
    // Storage refused or the stored value is not ours: the defaults do.
    return DEFAULTS;
  }
}

/**
 * How one staff member likes the table, kept in this browser under their username, so two clerks
 * sharing a computer each get their own. Read after the first render: the server cannot know it,
 * and the page must hydrate as the server rendered it.
 */
export function useTablePreferences(username: string) {
  const key = `eduschoolpay:table:${username}`;
  const [preferences, setPreferences] = useState<TablePreferences>(DEFAULTS);

  useEffect(() => setPreferences(read(key)), [key]);

  const update = useCallback(
    (change: Partial<TablePreferences>) => {
      setPreferences((current) => {
        const next = { ...current, ...change };
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Private browsing may refuse storage: the choice holds for this page only.
        }
        return next;
      });
    },
    [key],
  );

  return [preferences, update] as const;
}
