export type Role = 'operator' | 'ops' | 'analyst' | 'admin';
export type Lang = 'fr' | 'en';

const KEY = 'poc.apiKey';
const LANG = 'poc.lang';

/** The API key lives in this tab only (sessionStorage): closing the tab signs out, and it never goes in a URL. */
export const apiKey = (): string | null => sessionStorage.getItem(KEY);
export const signIn = (key: string): void => sessionStorage.setItem(KEY, key.trim());
export const signOut = (): void => sessionStorage.removeItem(KEY);

/** The hotline works in French: French unless the user chose otherwise on this machine. */
export const lang = (): Lang => (localStorage.getItem(LANG) === 'en' ? 'en' : 'fr');
export const setLang = (value: Lang): void => localStorage.setItem(LANG, value);

export const canWrite = (role: Role): boolean => role === 'ops' || role === 'admin';
export const canReport = (role: Role): boolean => role === 'operator' || role === 'ops' || role === 'admin';
export const canRead = (role: Role): boolean => role !== 'operator';
