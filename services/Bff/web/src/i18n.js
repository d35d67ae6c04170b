// French and English. The language is the visitor's choice (kept in localStorage), else the browser's.
import en from './strings/en.js';
import fr from './strings/fr.js';

const dictionaries = { en, fr };
export const languages = [['en', 'English'], ['fr', 'Français']];

export let lang = pick();

function pick() {
  const chosen = localStorage.getItem('ep.lang');
  if (chosen && dictionaries[chosen]) return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLang(value) {
  lang = dictionaries[value] ? value : 'en';
  localStorage.setItem('ep.lang', lang);
  document.documentElement.lang = lang;
}

document.documentElement.lang = lang;

/** The text of a key in the current language, with {name} placeholders filled; the key itself if none is known. */
export function t(key, values) {
  const text = dictionaries[lang][key] ?? en[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '') : text;
}

/** An enum value of the API (REGISTRATION_STATUS_CONFIRMED) in words. */
export const label = (value) => (value ? t(value) : '');

const locale = () => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function money(m) {
  if (!m || !m.currency) return t('free');
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: m.currency }).format(Number(m.amountMinor || 0) / 100);
}

export function dateTime(value, timeZone) {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone || undefined }).format(new Date(value));
}

export function date(value, timeZone) {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: timeZone || undefined }).format(new Date(value));
}

export function time(value, timeZone) {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: timeZone || undefined }).format(new Date(value));
}

export const percent = (basisPoints) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format((basisPoints || 0) / 10000);

export const number = (n) => new Intl.NumberFormat(locale()).format(n || 0);
