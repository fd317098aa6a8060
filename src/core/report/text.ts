/**
 * Text as the Relazione writes it: HTML-escaped, figures with a decimal comma, dates in
 * Italian words, long labels shortened, colours as CSS. Shared by every part of the page.
 */
import { achievementText } from "../rollup/present";

const MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

/**
 * Escapes text for HTML content and attribute values.
 * @example escapeHtml('<b>"A&B"</b>') // "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/**
 * An achievement as the Relazioni print it: rounded half-up to 2 decimals, decimal comma.
 * @example formatAchievement(83.3333) // "83,33"
 * @example formatAchievement(2.345)   // "2,35"
 */
export function formatAchievement(x: number): string {
  return achievementText(x, "it");
}

/**
 * A `yyyy-mm-dd` date in Italian words; other text is returned as given.
 * @example italianDate("2024-03-01") // "1 marzo 2024"
 */
export function italianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * A label cut to `max` characters, with an ellipsis when it was longer.
 * @example shorten("Obiettivo strategico", 10) // "Obiettivo…"
 */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A hex colour of the vocabulary (`2F9E44`) as the page writes it.
 * @example cssColour("2F9E44") // "#2f9e44"
 */
export function cssColour(hex: string): string {
  return `#${hex.toLowerCase()}`;
}
