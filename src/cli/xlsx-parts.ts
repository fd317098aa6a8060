import { relsOf, resolvePart } from "./opc-paths";
import { ZipError } from "./zip";

/**
 * A workbook's parts found in their XML text, without a parser: the workbook part, a part's
 * relationships, the sheets by name and the styles part. For the XML-level writers (marked
 * copies, the Storico sheet), which change a few bytes of a part and keep the rest as written.
 */

/**
 * An attribute's value in a start tag's text, entities decoded; `name` may be a pattern (`[\\w]+:id`).
 * @example attr('<sheet name="A &amp; B" r:id="rId1"/>', "name") // "A & B"
 */
export const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : null;
};

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The workbook part's path, from the package relationships. */
export function workbookPart(text: (name: string) => string | null): string {
  const rels = text("_rels/.rels");
  if (rels) {
    for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      if (/\/officeDocument$/.test(attr(tag, "Type") ?? "")) return resolvePart("", attr(tag, "Target") ?? "");
    }
  }
  return "xl/workbook.xml";
}

export function relationships(text: (name: string) => string | null, part: string): { id: string; type: string; target: string }[] {
  const rels = text(relsOf(part)) ?? "";
  return (rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []).map((tag) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    target: resolvePart(part, attr(tag, "Target") ?? ""),
  }));
}

/** Sheet name -> worksheet part path. */
export function sheetParts(text: (name: string) => string | null): Map<string, string> {
  const wb = workbookPart(text);
  const xml = text(wb);
  if (xml === null) throw new ZipError("corrupt", "the workbook part is missing");
  const rels = new Map(relationships(text, wb).map((r) => [r.id, r.target]));
  const sheets = new Map<string, string>();
  for (const tag of xml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, "name");
    const id = attr(tag, "r:id") ?? attr(tag, "[\\w]+:id");
    const target = id ? rels.get(id) : undefined;
    if (name !== null && target) sheets.set(name, target);
  }
  return sheets;
}

export function stylesPart(text: (name: string) => string | null): string | null {
  const wb = workbookPart(text);
  const rel = relationships(text, wb).find((r) => /\/styles$/.test(r.type));
  return rel ? rel.target : null;
}

