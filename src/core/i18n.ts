/** Languages the messages come in. Chinese is the default: the users are Chinese bureaus. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages; findings carry both so that one JSON serves every reader. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}
