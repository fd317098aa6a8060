import { ZipError } from "./zip";

/**
 * A minimal walk over XML text by regular expression, for inserting an element among the
 * root's children in the order the schema wants, without parsing (or re-serialising) the
 * large parts around it: worksheets are scanned from after their sheetData, never through it.
 */

/** `x:` when the root element is written with a namespace prefix, else "". */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml);
  if (!m) throw new ZipError("corrupt", `no ${root} element`);
  return m[1] ?? "";
}

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(?:[^>"']|"[^"]*"|'[^']*')*>|<(\/?)([\w:.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Offset before the first direct child of the root named in `names`, scanning from
 * `from` (where the depth below the root is `depth`), or the root's closing tag.
 */
export function firstTopLevel(xml: string, root: string, names: readonly string[], from = 0, depth = 0): number {
  const wanted = new Set(names);
  const re = new RegExp(TAG.source, "g");
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const name = m[2];
    if (name === undefined) continue; // comment, PI, CDATA, doctype
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    if (m[1] === "/") {
      depth--;
      if (depth === 0 && local === root) return m.index;
      continue;
    }
    if (depth === 1 && wanted.has(local)) return m.index;
    if (m[3] !== "/") depth++;
  }
  throw new ZipError("corrupt", `damaged ${root} part`);
}

/** Offset just after the worksheet's sheetData, the only large element, so it is never scanned. */
export function afterSheetData(xml: string, p: string): number {
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  if (close >= 0) return close + `</${p}sheetData>`.length;
  // `\\s` in the template: a bare `\s` would reach the RegExp as `s`.
  const empty = new RegExp(`<${p}sheetData\\s*/>`).exec(xml);
  if (empty) return empty.index + empty[0].length;
  throw new ZipError("corrupt", "a worksheet part has no sheetData");
}

/** Number of direct children named `name` in an XML fragment. */
export function countTopLevel(fragment: string, name: string): number {
  const re = new RegExp(TAG.source, "g");
  let depth = 0;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment)) !== null) {
    if (m[2] === undefined) continue;
    if (m[1] === "/") {
      depth--;
      continue;
    }
    if (depth === 0 && m[2] === name) count++;
    if (m[3] !== "/") depth++;
  }
  return count;
}
