'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Density } from './features';

export interface TablePreferences {
  /** Ids of the columns this staff member hid. */
  hidden: string[];
  density: Density;
}

export const DEFAULT_PREFERENCES: TablePreferences = { hidden: [], density: 'comfortable' };

/** Only columns that may be hidden: an old or edited stored value cannot hide the rest. */
function read(key: string, hideable: readonly string[]): TablePreferences {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Partial<TablePreferences> | null;
    return {
      hidden: Array.isArray(stored?.hidden)
        ? stored.hidden.filter((id) => hideable.includes(id))
        : DEFAULT_PREFERENCES.hidden,
      density: stored?.density === 'compact' ? 'compact' : DEFAULT_PREFERENCES.density,
    };
  } catch {
    // Storage refused or the stored value is not ours: the defaults do.
    return DEFAULT_PREFERENCES;
  }
}

/**
 * How one staff member likes a table, kept in this browser under a key of theirs (their username
 * in it), so two clerks sharing a computer each get their own. Read after the first render: the
 * server cannot know it, and the page must hydrate as the server rendered it.
 */
export function useTablePreferences(key: string, hideable: readonly string[]) {
  const [preferences, setPreferences] = useState<TablePreferences>(DEFAULT_PREFERENCES);

  useEffect(() => setPreferences(read(key, hideable)), [key, hideable]);

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
