/**
 * Line handling shared by the plan parser. Plan text comes from PDF extraction or Markdown
 * conversion, so the same heading may arrive as `### Azione: ...`, `**Azione: ...**`,
 * `<b>Azione: ...</b>` or plain text; these helpers remove that decoration.
 */

/**
 * Splits a text into lines, accepting `\n`, `\r\n` and lone `\r` endings. A text that does
 * not end with a newline keeps its last line (the seed plan ends that way).
 * @example splitLines("a\r\nb\nc") // ["a", "b", "c"]
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/** Non-breaking and narrow spaces (frequent in PDF extractions) as plain spaces. */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f\u2007]/g, " ");
}

/**
 * A line without Markdown/HTML emphasis, heading marks and surrounding spaces; tabs are kept
 * because they separate table cells.
 * @example stripDecoration("#### **Azione: A.1.3.1 Progetto**") // "Azione: A.1.3.1 Progetto"
 */
export function stripDecoration(line: string): string {
  return normaliseSpaces(line)
    .replace(/<\/?(?:b|strong|i|em)>/gi, "")
    .replace(/\*\*|__/g, "")
    .trim()
    .replace(/^#{1,6}\s*/, "")
    .trim();
}

/** Lower case without accents, for comparing labels (`Unità` = `unita`). */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A long text cut for a message, so that a problem stays on one readable line. */
export function shorten(text: string, max = 60): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
