/**
 * Where the roll-up's tree comes from: the `Albero` sheet the import writes (or any sheet
 * with the same header), or, for a workbook made by hand, the KPI codes themselves.
 */
import { a1 } from "../a1";
import { parseNumber } from "../numbers";
import { normaliseHeader } from "../reader/headers";
import { isKpiError } from "../errors";
import { isBlankCell, SheetCells } from "../grid";
import { problem, type Problem } from "../problem";
import type { CellValue, NodeKind, SheetGrid } from "../types";
import { KIND_WORDS } from "../vocabulary";
import { normaliseCode, type RollupTreeNode } from "./rollup";

/** The tree sheet's names (the import writes `Albero`, or `Tree` in English). */
const TREE_SHEETS = new Set(["albero", "tree", "albero della performance"]);

const HEADERS: Readonly<Record<"code" | "kind" | "title" | "parent" | "weight" | "units", readonly string[]>> = {
  code: ["codice", "code", "codice nodo", "node"],
  kind: ["tipo", "kind", "livello", "type"],
  title: ["titolo", "title", "descrizione", "denominazione", "name", "nome"],
  parent: ["padre", "parent", "codice padre", "nodo padre", "parent code"],
  weight: ["peso", "peso %", "weight", "weight %"],
  units: [
    "unita organizzative", "unita organizzative coinvolte", "unita organizzativa", "strutture coinvolte",
    "organisational units", "organizational units", "units",
  ],
};

/** The headers of the tree sheet's code column (the pane finds a node's row by them too). */
export const TREE_CODE_HEADERS: readonly string[] = HEADERS.code;

/** Node kinds by their label in either language, plus the kinds' own names. */
const KIND_LOOKUP: ReadonlyMap<string, NodeKind> = new Map(
  (["area", "strategic", "program", "operational", "action"] as const).flatMap((k) => [
    [normaliseHeader(KIND_WORDS.it[k]), k] as const,
    [normaliseHeader(KIND_WORDS.en[k]), k] as const,
    [k, k] as const,
  ]),
);

export interface TreeRead {
  /** `null` when the sheet has no tree header. */
  readonly nodes: RollupTreeNode[] | null;
  readonly problems: Problem[];
}

/** The workbook's tree sheet, if it has one. */
export function findTreeSheet(sheets: readonly SheetGrid[]): SheetGrid | null {
  return sheets.find((s) => TREE_SHEETS.has(normaliseHeader(s.name))) ?? null;
}

/**
 * Reads a tree sheet: a header row with at least `Codice` and `Padre` (also `Tipo`,
 * `Titolo`, `Peso`; English names too), then one node per row until the first row without
 * a code. `nodes: null` (with a problem) when the sheet has no such header.
 * @example
 * readTreeSheet({ name: "Albero", values: [["Codice", "Tipo", "Titolo", "Padre"], ["A", "Area strategica", "Imprese", null]] })
 *   .nodes?.[0] // { code: "A", kind: "area", title: "Imprese", parent: null, weight: null }
 */
export function readTreeSheet(sheet: SheetGrid): TreeRead {
  const problems: Problem[] = [];
  const { rowOffset, colOffset } = new SheetCells(sheet);
  let header = -1;
  let cols: Partial<Record<keyof typeof HEADERS, number>> = {};
  for (let r = 0; r < sheet.values.length && header < 0; r++) {
    const found: Partial<Record<keyof typeof HEADERS, number>> = {};
    sheet.values[r].forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const text = normaliseHeader(cell);
      for (const role of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
        if (found[role] === undefined && HEADERS[role].includes(text)) found[role] = c;
      }
    });
    if (found.code !== undefined && found.parent !== undefined) {
      header = r;
      cols = found;
    }
  }
  if (header < 0) {
    problems.push(problem("warning", "TREE_NO_HEADER", { sheet: sheet.name }, { sheet: sheet.name }));
    return { nodes: null, problems };
  }
  const nodes: RollupTreeNode[] = [];
  const at = (row: readonly CellValue[], col: number | undefined): CellValue => (col === undefined ? null : row[col] ?? null);
  for (let r = header + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const code = text(at(row, cols.code));
    if (code === "") break;
    const parent = text(at(row, cols.parent));
    const kind = KIND_LOOKUP.get(normaliseHeader(text(at(row, cols.kind)))) ?? "code";
    let weight: number | null = null;
    const w = at(row, cols.weight);
    if (cols.weight !== undefined && !isBlankCell(w)) {
      const n = parseNumber(w);
      if (n !== null && !isKpiError(n) && n >= 0) weight = n;
      else if (n !== null) {
        problems.push(problem("warning", "TREE_BAD_WEIGHT", { text: text(w), code }, { sheet: sheet.name, cell: a1(r + rowOffset, (cols.weight ?? 0) + colOffset) }));
      }
    }
    const node: RollupTreeNode = { code, kind, title: text(at(row, cols.title)) || code, parent: parent === "" ? null : parent, weight };
    const unitCell = at(row, cols.units);
    const units = unitCell === null ? [] : splitUnits(String(unitCell));
    nodes.push(units.length > 0 ? { ...node, units } : node);
  }
  return { nodes, problems };
}

/**
 * The units of a tree cell (`STAFF 6, STAFF 7`), in the order written: commas, semicolons
 * and line breaks separate them.
 * @example splitUnits("STAFF 6, S. 1.4") // ["STAFF 6", "S. 1.4"]
 */
export function splitUnits(cell: string): string[] {
  return cell
    .split(/[,;\n]+/)
    .map((u) => u.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((u) => u !== "");
}

function text(c: CellValue): string {
  if (c === null) return "";
  return String(c).replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * A tree made of KPI codes alone (a workbook without a tree sheet): each code is a node of
 * kind `code`, whose parent is the longest other code that is a dotted prefix of it
 * (`B.1.1` under `B.1` when both are there), so that a "media ponderata" KPI still finds
 * its children. With `ancestors`, the missing prefixes are added as nodes without KPIs
 * (`B.1.1` brings `B.1` and `B`), as `KPI.ROLLUP` needs to roll up to an area.
 * @example treeFromCodes(["B.1.1", "B.1.1.1"]).map((n) => n.parent) // [null, "B.1.1"]
 */
export function treeFromCodes(codes: readonly string[], options: { ancestors?: boolean } = {}): RollupTreeNode[] {
  const ordered: string[] = [];
  const seen = new Set<string>();
  const add = (c: string) => {
    if (c !== "" && !seen.has(c)) {
      seen.add(c);
      ordered.push(c);
    }
  };
  for (const raw of codes) {
    const code = normaliseCode(raw);
    if (options.ancestors) for (const p of prefixes(code)) add(p);
    add(code);
  }
  return ordered.map((code) => {
    const parent = prefixes(code).reverse().find((p) => seen.has(p)) ?? null;
    return { code, kind: "code" as const, title: code, parent };
  });
}

/** The proper dotted prefixes of a code, shortest first: `B.1.1` -> `B`, `B.1`. */
function prefixes(code: string): string[] {
  // Only plain dotted codes (letters/digits between dots) have a hierarchy in their name.
  if (!/^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+$/.test(code)) return [];
  const parts = code.split(".");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("."));
}
