'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, type InputHTMLAttributes, useRef, useState } from 'react';
import { primaryButtonClass } from '@/components/ui/button-styles';
import { type ControlProps, Field, FieldError, inputClass } from '@/components/ui/field';
import { type FindDraft, type FindErrors, findKindOf, findTarget, urlFindKind } from '@/lib/contracts/find-text';
import { CONTRACT_STATUSES, DEFAULT_LIMIT, isSearchRequested, PAGE_SIZES } from '@/lib/contracts/search-input';
import { CONTRACTS_PATH } from '@/lib/paths';
import type { SchoolChoice } from '@/lib/schools/choice';
import { PlanChoices } from './plan-choices';

function draftFrom(input: Record<string, string>, school: string | undefined): FindDraft {
  return {
    find: input.contract_id ?? input.q ?? input.openid ?? '',
    plan_id: input.plan_id ?? '',
    contract_status: input.contract_status ?? 'ALL',
    limit: input.limit ?? String(DEFAULT_LIMIT),
    school,
  };
}

interface SearchFormProps {
  /** The search as the URL gives it (raw strings). */
  urlInput: Record<string, string>;
  /** What is wrong with the URL's search, shown until the clerk searches again. */
  urlErrors?: FindErrors;
  /** Goes to the search the form leads to (a path of the contracts page). */
  onSearch: (path: string) => void;
  /** The schools whose plans are offered by name: the one chosen, or every one a provider admin reaches. */
  schools: readonly SchoolChoice[];
  /** The school chosen on the page, searched by the searches that cover a school (all plans, the directory). */
  school: string | null;
}

/**
 * The search form. Its first field takes whatever the parent gave (lib/contracts/find-text.ts)
 * and says what it will be searched as; it validates with the same schemas as the server: on bad
 * input the message stands beside the field and no request is made. Status and page size apply at
 * once to a search already shown, starting again from its first page.
 */
export function SearchForm({ urlInput, urlErrors, onSearch, schools, school }: SearchFormProps) {
  const urlKey = JSON.stringify([urlInput, school]);
  const [seenUrl, setSeenUrl] = useState(urlKey);
  const [draft, setDraft] = useState(() => draftFrom(urlInput, school ?? undefined));
  const [errors, setErrors] = useState<FindErrors | null>(null);
  const fields = useRef<Record<'find' | 'plan_id', HTMLInputElement | null>>({ find: null, plan_id: null });

  // Back/forward or a page change moved the URL: the form follows it.
  if (urlKey !== seenUrl) {
    setSeenUrl(urlKey);
    setDraft(draftFrom(urlInput, school ?? undefined));
    setErrors(null);
  }

  const shown = errors ?? urlErrors ?? {};
  const searchShown = isSearchRequested(urlInput);
  // The text of the search on screen keeps the kind it was searched as until it is changed.
  const urlFind = draftFrom(urlInput, undefined).find;
  const keptKind = (find: string) => (find === urlFind ? urlFindKind(urlInput) : undefined);
  const kind = keptKind(draft.find) ?? findKindOf(draft.find);

  function submit(values: FindDraft) {
    const target = findTarget({ ...values, kind: keptKind(values.find) });
    if (!target.ok) {
      setErrors(target.errors);
      const first = (['find', 'plan_id'] as const).find((name) => target.errors[name]);
      if (first) fields.current[first]?.focus();
      return;
    }
    setErrors(null);
    onSearch(target.path);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(draft);
  }

  /** A change to a search already shown applies at once; before the first search it only fills the form. */
  function applyFilter(change: Partial<FindDraft>) {
    const next = { ...draft, ...change };
    setDraft(next);
    if (searchShown) submit(next);
  }

  const t = useTranslations();
  const problem = (field: keyof FindErrors) => {
    const key = shown[field];
    return key && t(`validation.${key}`);
  };
  /** A typed or pasted value bound to the draft, focused when refused. */
  const textInput = (name: 'find' | 'plan_id', control: ControlProps, extra: InputHTMLAttributes<HTMLInputElement>) => (
    <input
      {...control}
      {...extra}
      name={name}
      ref={(node) => {
        fields.current[name] = node;
      }}
      className={`${inputClass} font-mono`}
      value={draft[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      autoComplete="off"
      spellCheck={false}
    />
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
      <Field
        id="find"
        label={t('form.find')}
        error={problem('find')}
        hint={<span aria-live="polite">{kind ? t(`form.findAs.${kind}`) : t('form.findHint')}</span>}
      >
        {(control) => textInput('find', control, { placeholder: t('form.findPlaceholder'), type: 'search' })}
      </Field>
      <div>
        <Field id="plan_id" label={t('form.planId')} error={problem('plan_id')} hint={t('form.planIdHint')}>
          {(control) =>
            textInput('plan_id', control, { placeholder: t('form.planIdPlaceholder'), inputMode: 'numeric' })
          }
        </Field>
        <PlanChoices
          schools={schools}
          value={draft.plan_id}
          // The chosen plan again clears it: back to every plan of the school.
          onChoose={(planId) => applyFilter({ plan_id: planId === draft.plan_id.trim() ? '' : planId })}
        />
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
      {/* Sent with the form before its script has loaded: the school the searches cover. */}
      {school !== null && <input type="hidden" name="school" value={school} />}
      <div className="flex items-start lg:pt-6">
        <button type="submit" className={primaryButtonClass}>
          {t('form.submit')}
        </button>
      </div>
    </form>
  );
}
