/**
 * Filling a template's placeholders: the one piece of rendering both the engine's errors
 * (src/core/errors.ts, which needs only ./errors.ts) and the whole catalogue (./describe.ts)
 * use, so that the custom functions' bundle does not carry the problems' messages.
 */

/**
 * Each template split once at its placeholders: `["Valore mancante per il ", "year", "."]`
 * (text, name, text, ...). Validation can report up to one problem per row, so a template
 * is not searched again for every message.
 */
const SPLIT = new Map<string, readonly string[]>();

function split(template: string): readonly string[] {
  let parts = SPLIT.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+(?:\|[^|{}]*\|[^|{}]*)?)\}/);
    SPLIT.set(template, parts);
  }
  return parts;
}

/**
 * A template with its placeholders filled by `show`. `{rows|riga|righe}` writes the count
 * with the singular or the plural word ("1 riga", "3 righe"). Unknown placeholders are left
 * visible on purpose.
 * @example fillTemplate("{rows|riga|righe} ignorate", { rows: 1 }, String, (p) => p as number) // "1 riga ignorate"
 */
export function fillTemplate<P>(
  template: string,
  params: Readonly<Record<string, P>>,
  show: (p: P) => string,
  count: (p: P) => number | null,
): string {
  const parts = split(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const [name, one, many] = parts[i].split("|");
    if (!(name in params)) text += `{${name}}`;
    else if (one === undefined) text += show(params[name]);
    else text += `${show(params[name])} ${count(params[name]) === 1 ? one : many}`;
    text += parts[i + 1];
  }
  return text;
}
