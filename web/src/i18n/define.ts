// The parts of the i18n that need no React (so that plain modules, like the API client's error wording,
// and their Node-run tests can use them): the languages, message tables and placeholders.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

/** Declares a part's messages; `en` must have exactly the keys of `zh`. Placeholders: {name}. */
export function defineMessages<K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> {
  return { zh, en };
}

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

let active: Lang = 'zh';

/** The page's language for code outside React (the API client words its errors in it); LangProvider sets it. */
export function activeLang(): Lang {
  return active;
}

export function setActiveLang(lang: Lang): void {
  active = lang;
}
