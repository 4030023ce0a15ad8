'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from './button-styles';

/**
 * The Clipboard API exists only on secure origins; a school may serve the dashboard over plain
 * http on its own network, where the older selection-and-copy command still works.
 */
async function copyText(text: string, near: HTMLElement): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions, focus): try the older way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'fixed -left-[9999px]';
  // Beside the button, not in <body>: inside a modal dialog only the dialog can take the selection.
  near.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}

const SHOWN_MS = 2000;

/** Copies one value, then says "已复制" where the clerk is looking, and to screen readers. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const holder = useRef<HTMLSpanElement>(null);
  const t = useTranslations('copy');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function onClick() {
    if (!holder.current) return;
    setState((await copyText(value, holder.current)) ? 'copied' : 'failed');
  }

  return (
    <span ref={holder} className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        aria-label={t('label', { what })}
        className={buttonClass('secondary', 'tiny')}
      >
        {t('button')}
      </button>
      <span role="status" className={state === 'failed' ? 'text-xs text-red-700' : 'text-xs text-emerald-700'}>
        {state === 'copied' ? t('done') : state === 'failed' ? t('failed') : ''}
      </span>
    </span>
  );
}
