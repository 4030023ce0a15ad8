import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { enText, zhText } from '@/test-support/translators';

type Tree = { [key: string]: string | Tree };

/** Every message as [dotted key, text]. */
function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

/** An ICU argument: {name}, or {name, type, …} for a formatted one (plural branches are not arguments). */
const ARGUMENT = /\{\s*([A-Za-z_]\w*)\s*(?:\}|,\s*(?:number|plural|selectordinal|select|date|time)\b)/g;

/** The names of a message's ICU arguments, e.g. {count, plural, …} and {name} → count, name. */
function argumentNames(message: string): string[] {
  return [...new Set([...message.matchAll(ARGUMENT)].map((match) => match[1]))].sort();
}

describe('messages', () => {
  const zh = new Map(entries(zhCN));
  const english = new Map(entries(en));

  it('has the same keys in every language', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('gives each message the same arguments in every language', () => {
    for (const [key, text] of zh) expect(argumentNames(english.get(key) ?? ''), key).toEqual(argumentNames(text));
  });

  it('leaves nothing untranslated: English has no Chinese but the name of the Chinese language', () => {
    for (const [key, text] of english) {
      if (key !== 'locale.names.zh-CN') expect(text, key).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('counts contracts with plurals in English and plain numbers in Chinese', () => {
    expect(enText('states.loaded', { count: 1 })).toBe('Loaded 1 contract');
    expect(enText('states.loadedOfTotal', { count: 20, total: 1053 })).toBe('Loaded 20 of 1,053 contracts');
    expect(zhText('states.loadedOfTotal', { count: 20, total: 53 })).toBe('已加载 20 条签约记录，共 53 条');
    expect(enText('users.count', { count: 1 })).toBe('1 account');
    expect(zhText('pagination.rangeOfTotal', { from: 21, to: 40, total: 53 })).toBe('第 21–40 条，共 53 条');
  });
});
