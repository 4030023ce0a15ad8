import type { createTranslator, Messages, NamespaceKeys, NestedKeyOf } from 'next-intl';

/**
 * A translator for one namespace, as both useTranslations and getTranslations return it: lets
 * plain functions (table columns, audit cells) take the words from whichever the caller has.
 */
export type Translator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>> = ReturnType<
  typeof createTranslator<Messages, Namespace>
>;
