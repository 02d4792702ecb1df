// Simplified Chinese and English. Each part of the app declares its own messages next to its code with
// defineMessages (so parts do not share one growing file); both languages must have every key, which the
// type of defineMessages enforces. The language is the user's choice, else the browser's, else Chinese.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setActiveLang, type Lang, type Messages, format } from './define';

export { LANGS, defineMessages, format, type Lang, type Messages } from './define';
const STORAGE_KEY = 'kefu.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  const lang = saved === 'zh' || saved === 'en' ? saved : navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  setActiveLang(lang);
  return lang;
}

interface LangContext {
  lang: Lang;
  setLang(lang: Lang): void;
}

const Context = createContext<LangContext>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setActiveLang(next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLang(): LangContext {
  return useContext(Context);
}

/** t(key, params) for one part's messages, in the current language. */
export function useT<K extends string>(messages: Messages<K>): (key: K, params?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback((key: K, params?: Record<string, string | number>) => format(messages[lang][key], params), [messages, lang]);
}

const ZoneContext = createContext<string | undefined>(undefined);

/** Dates and times below it in `timeZone` (the channel's, session/channel-time-zone.tsx); undefined: the browser's. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string | undefined; children: ReactNode }) {
  return <ZoneContext.Provider value={timeZone}>{children}</ZoneContext.Provider>;
}

/** The channel's time zone (undefined: not known yet, or outside a channel), for dates typed in a form. */
export function useTimeZone(): string | undefined {
  return useContext(ZoneContext);
}

/** Dates and times in the current language, in the channel's time zone (the browser's outside a channel). */
export function useFormatters(): Formatters {
  const { lang } = useLang();
  return formattersOf(lang, useContext(ZoneContext));
}

export interface Formatters {
  time(ms: number): string;
  dateTime(ms: number): string;
  duration(ms: number): string;
  number(n: number): string;
}

// Intl formatters are costly to build (a fraction of a millisecond each): one set per language for the
// whole page, not one per component that shows a time.
const formatters = new Map<string, Formatters>();
function formattersOf(lang: Lang, timeZone: string | undefined): Formatters {
  const key = `${lang} ${timeZone ?? ''}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = makeFormatters(lang, timeZone)));
  return made;
}

/** A zone Intl does not know (a calendar's "+08:00" on an older browser) falls back to the browser's. */
function zoneOption(timeZone: string | undefined): { timeZone?: string } {
  if (timeZone === undefined) return {};
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return { timeZone };
  } catch {
    return {};
  }
}

function makeFormatters(lang: Lang, timeZone: string | undefined): Formatters {
  return (() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const zone = zoneOption(timeZone);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone });
    const dateTime = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...zone });
    const duration = (ms: number) => {
      const s = Math.max(0, Math.round(ms / 1000));
      if (s < 60) return lang === 'zh' ? `${s} 秒` : `${s}s`;
      const m = Math.round(s / 60);
      if (m < 60) return lang === 'zh' ? `${m} 分钟` : `${m} min`;
      const h = Math.floor(m / 60);
      return lang === 'zh' ? `${h} 小时 ${m % 60} 分` : `${h} h ${m % 60} min`;
    };
    return {
      time: (ms: number) => time.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
      duration,
      number: (n: number) => n.toLocaleString(locale),
    };
  })();
}
