'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { primaryButtonClass } from '@/components/ui/button-styles';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import {
  CONTRACT_STATUSES,
  type ContractsQuery,
  DEFAULT_LIMIT,
  type FieldErrors,
  PAGE_SIZES,
  parseContractsQuery,
} from '@/lib/contracts/search-input';
import { CONTRACTS_PATH } from '@/lib/paths';
import type { SchoolChoice } from '@/lib/schools/choice';
import { PlanChoices } from './plan-choices';

type Draft = { openid: string; plan_id: string; contract_status: string; limit: string };

function draftFrom(input: Record<string, string>): Draft {
  return {
    openid: input.openid ?? '',
    plan_id: input.plan_id ?? '',
    contract_status: input.contract_status ?? 'ALL',
    limit: input.limit ?? String(DEFAULT_LIMIT),
  };
}

interface SearchFormProps {
  /** The search as the URL gives it (raw strings). */
  urlInput: Record<string, string>;
  /** What is wrong with the URL's search, shown until the clerk searches again. */
  urlErrors?: FieldErrors;
  onSearch: (query: ContractsQuery) => void;
  /** The schools whose plans are offered by name: the one chosen, or every one a provider admin reaches. */
  schools: readonly SchoolChoice[];
}

/**
 * The search form. It validates with the same schema as the server: on bad input the message
 * stands beside the field and no request is made. Status and page size apply at once to a search
 * already shown, starting again from its first page.
 */
export function SearchForm({ urlInput, urlErrors, onSearch, schools }: SearchFormProps) {
  const urlKey = JSON.stringify(urlInput);
  const [seenUrl, setSeenUrl] = useState(urlKey);
  const [draft, setDraft] = useState(() => draftFrom(urlInput));
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const fields = useRef<Record<'openid' | 'plan_id', HTMLInputElement | null>>({ openid: null, plan_id: null });

  // Back/forward or a page change moved the URL: the form follows it.
  if (urlKey !== seenUrl) {
    setSeenUrl(urlKey);
    setDraft(draftFrom(urlInput));
    setErrors(null);
  }

  const shown = errors ?? urlErrors ?? {};
  const searchShown = urlInput.openid !== undefined || urlInput.plan_id !== undefined;

  function submit(values: Draft) {
    const parsed = parseContractsQuery({ ...values, offset: 0 });
    if (!parsed.ok) {
      setErrors(parsed.fieldErrors);
      const first = (['openid', 'plan_id'] as const).find((name) => parsed.fieldErrors[name]);
      if (first) fields.current[first]?.focus();
      return;
    }
    setErrors(null);
    onSearch(parsed.query);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(draft);
  }

  /** A change to a search already shown applies at once; before the first search it only fills the form. */
  function applyFilter(change: Partial<Draft>) {
    const next = { ...draft, ...change };
    setDraft(next);
    if (searchShown) submit(next);
  }

  const t = useTranslations();
  const problem = (field: keyof FieldErrors) => {
    const key = shown[field];
    return key && t(`validation.${key}`);
  };
  /** The openid and the plan id: ids typed or pasted, bound to the draft, focused when refused. */
  const idField = (name: 'openid' | 'plan_id', text: 'openid' | 'planId', inputMode?: 'numeric') => (
    <Field id={name} label={t(`form.${text}`)} error={problem(name)} hint={t(`form.${text}Hint`)}>
      {(control) => (
        <input
          {...control}
          name={name}
          ref={(node) => {
            fields.current[name] = node;
          }}
          className={`${inputClass} font-mono`}
          value={draft[name]}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
          autoComplete="off"
          spellCheck={false}
          inputMode={inputMode}
          placeholder={t(`form.${text}Placeholder`)}
        />
      )}
    </Field>
  );
  return (
    <form
      // Before the page's script has loaded, the form still works as a plain GET to this page.
      action={CONTRACTS_PATH}
      method="get"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('form.legend')}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto_auto_auto]"
    >
      {idField('openid', 'openid')}
      <div>
        {idField('plan_id', 'planId', 'numeric')}
        <PlanChoices schools={schools} value={draft.plan_id} onChoose={(planId) => applyFilter({ plan_id: planId })} />
      </div>
      <fieldset>
        <legend className="mb-1 block text-sm font-medium">{t('form.status')}</legend>
        <div className="inline-flex overflow-hidden rounded-md border border-slate-300">
          {CONTRACT_STATUSES.map((status) => (
            <label
              key={status}
              className="cursor-pointer border-slate-300 px-3 py-2 text-sm not-first:border-l has-checked:bg-blue-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-blue-600"
            >
              <input
                type="radio"
                name="contract_status"
                value={status}
                className="sr-only"
                checked={draft.contract_status === status}
                onChange={() => applyFilter({ contract_status: status })}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </div>
        <FieldError id="contract_status-error" message={problem('contract_status')} />
      </fieldset>
      <div>
        <label htmlFor="limit" className="mb-1 block text-sm font-medium">
          {t('form.limit')}
        </label>
        <select
          id="limit"
          name="limit"
          className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          value={draft.limit}
          onChange={(event) => applyFilter({ limit: event.target.value })}
          aria-invalid={shown.limit ? true : undefined}
        >
          {(PAGE_SIZES as readonly number[]).includes(Number(draft.limit)) ? null : (
            <option value={draft.limit}>{t('form.limitOption', { count: draft.limit })}</option>
          )}
          {PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {t('form.limitOption', { count: size })}
            </option>
          ))}
        </select>
        <FieldError id="limit-error" message={problem('limit')} />
      </div>
      <div className="flex items-start lg:pt-6">
        <button type="submit" className={primaryButtonClass}>
          {t('form.submit')}
        </button>
      </div>
    </form>
  );
}
