import { normaliseSpaces } from "./text";

/**
 * Organisational units as listed under "Unità organizzative coinvolte". The extracted text
 * writes them in many shapes (`**STAFF 6** NAME`, `STAFF 6<TAB>NAME`, `- S. 1.1 NAME`,
 * `- STAFF 6** NAME`, `S.1.4<TAB>PERFORMANCE`, `AREA I<TAB>...`, `AREA STAFF<TAB>...`);
 * only the code is kept, in one normal form.
 */

export type UnitLine =
  | { readonly type: "unit"; readonly code: string; readonly name: string }
  /** `--------<TAB>--`: table rules left by the PDF extraction. */
  | { readonly type: "separator" }
  | { readonly type: "unknown"; readonly text: string };

const UNIT_CODE =
  /^(STAFF\s*\d+|S\s*\.?\s*\d+(?:\s*\.\s*\d+)*|AREA\s+STAFF|AREA\s+[IVXLC]+)(?=[\s:\-–]|$)/i;

/**
 * The normal form of a unit code: `STAFF 6`, `S. 1.4`, `AREA I`, `AREA STAFF`; `null`
 * when the text does not start with a unit code.
 * @example normaliseUnitCode("S.1.4")  // "S. 1.4"
 * @example normaliseUnitCode("staff6") // "STAFF 6"
 */
export function normaliseUnitCode(raw: string): string | null {
  const m = UNIT_CODE.exec(raw.trim());
  if (!m) return null;
  const code = m[1].toUpperCase().replace(/\s+/g, " ");
  if (code.startsWith("STAFF")) return `STAFF ${code.replace(/\D/g, "")}`;
  if (code.startsWith("AREA")) return `AREA ${code.slice(4).trim()}`;
  // S. n.m: "S" and the dotted number, whatever spacing the extraction left.
  const digits = code.slice(1).replace(/[\s.]+/g, " ").trim().split(" ").join(".");
  return `S. ${digits}`;
}

/**
 * Reads one line of a units section.
 * @example parseUnitLine("- STAFF 6** PROMOZIONE") // { type: "unit", code: "STAFF 6", name: "PROMOZIONE" }
 * @example parseUnitLine("--------\t--")          // { type: "separator" }
 */
export function parseUnitLine(line: string): UnitLine {
  const s = normaliseSpaces(line)
    .replace(/<\/?(?:b|strong)>/gi, "")
    .replace(/\*\*/g, " ")
    .trim();
  if (/^[-–—_=\s]+$/.test(s)) return { type: "separator" };
  const body = s.replace(/^[-*•·]\s+/, "").trim();
  const m = UNIT_CODE.exec(body);
  const code = m ? normaliseUnitCode(m[1]) : null;
  if (!m || code === null) return { type: "unknown", text: s };
  const name = body
    .slice(m[0].length)
    .replace(/^[\s:\-–]+/, "")
    .replace(/\s+/g, " ")
    .trim();
  return { type: "unit", code, name };
}
