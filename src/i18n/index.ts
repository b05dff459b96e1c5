import { en, type Dictionary } from './en';
import { zhCn } from './zh-cn';

export type { Dictionary };
export const LANGS = ['en', 'zh-cn'] as const;
export type Lang = (typeof LANGS)[number];

const dictionaries: Record<Lang, Dictionary> = { en, 'zh-cn': zhCn };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Starlight's locale key (`en`, `zh-cn`, or undefined) → our language; anything unknown falls back to English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const key = (locale ?? '').toLowerCase();
  return isLang(key) ? key : 'en';
}

export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}
