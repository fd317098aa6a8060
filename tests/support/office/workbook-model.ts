/**
 * The workbook the fake host holds: its sheets, defined names, active sheet and selection;
 * built from plain descriptions for fixtures and saved to / rebuilt from JSON.
 */
import { key, parseRect, rectAddress } from "./addresses";
import { fail } from "./errors";
import { BAD_SHEET_CHARS, newSheet, nextRuleId, setCell, type FakeCell, type SheetModel } from "./model";

// ------------------------------------------------------------------ the workbook model

export interface SheetInit {
  name: string;
  /** Top-left of `values` (default A1). */
  at?: string;
  values?: FakeCell[][];
  numberFormats?: (string | null | undefined)[][];
  fills?: Record<string, string>;
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  conditionalFormats?: { address: string; formula: string; fill: string }[];
}

export class FakeWorkbook {
  sheets: SheetModel[] = [];
  /** Defined names (workbook scope); table names may not repeat them. */
  names: string[] = [];
  activeSheet = 0;
  selection: { sheet: string; address: string } | null = null;

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    if (name.length === 0 || name.length > 31 || BAD_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
      fail("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    if (this.sheet(name)) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const s = newSheet(name);
    this.sheets.push(s);
    return s;
  }

  /** Adds a sheet from a plain description (for fixtures). */
  load(init: SheetInit): SheetModel {
    const s = this.addSheet(init.name);
    const at = init.at ? parseRect(init.at) : { r0: 0, c0: 0, r1: 0, c1: 0 };
    (init.values ?? []).forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== "") setCell(s, at.r0 + i, at.c0 + j, v);
      }),
    );
    (init.numberFormats ?? []).forEach((row, i) =>
      row.forEach((f, j) => {
        if (f && f !== "General") s.numberFormats.set(key(at.r0 + i, at.c0 + j), f);
      }),
    );
    for (const [addr, color] of Object.entries(init.fills ?? {})) {
      const r = parseRect(addr);
      for (let i = r.r0; i <= r.r1; i++)
        for (let j = r.c0; j <= r.c1; j++) {
          const k = key(i, j);
          s.formats.set(k, { ...(s.formats.get(k) ?? {}), fill: color });
        }
    }
    for (const cf of init.conditionalFormats ?? []) {
      s.cfs.push({
        id: nextRuleId("user"),
        type: "Custom",
        rects: [parseRect(cf.address)],
        formula: cf.formula,
        format: { fill: cf.fill, fontColor: null, bold: null, italic: null },
        stopIfTrue: false,
      });
    }
    s.protected = init.protected ?? false;
    s.visibility = init.visibility ?? "Visible";
    return s;
  }

  /** A plain-JSON copy of every sheet: values, formulas, formats, rules, tables ... */
  snapshot(): unknown {
    return {
      active: this.activeSheet,
      names: this.names.slice(),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        tabColor: s.tabColor,
        showGridlines: s.showGridlines,
        rows: s.rows.map((row) => (row ? row.slice() : null)),
        formulas: [...s.formulas.entries()].sort((a, b) => a[0] - b[0]),
        numberFormats: [...s.numberFormats.entries()].sort((a, b) => a[0] - b[0]),
        formats: [...s.formats.entries()].sort((a, b) => a[0] - b[0]).map(([k, f]) => [k, sortKeys(f)]),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        cfs: s.cfs.map((cf) => ({ ...cf, rects: cf.rects.map(rectAddress) })),
        tables: s.tables.map((t) => ({ ...t, rect: rectAddress(t.rect) })),
        validations: s.validations.map((v) => ({ ...v, rect: rectAddress(v.rect) })),
        freeze: s.freeze,
        customProperties: [...s.customProperties.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      })),
    };
  }

  toJSON(): unknown {
    return this.snapshot();
  }

  static fromJSON(json: any): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of json.sheets as any[]) {
      const m = newSheet(s.name);
      m.visibility = s.visibility;
      m.protected = s.protected;
      m.tabColor = s.tabColor;
      m.showGridlines = s.showGridlines;
      m.rows = (s.rows as (FakeCell[] | null)[]).map((row) => (row ? row.slice() : (undefined as any)));
      m.formulas = new Map(s.formulas);
      m.numberFormats = new Map(s.numberFormats);
      m.formats = new Map(s.formats);
      m.columnWidths = new Map(s.columnWidths);
      m.rowHeights = new Map(s.rowHeights);
      m.cfs = (s.cfs as any[]).map((cf) => ({ ...cf, rects: (cf.rects as string[]).map(parseRect) }));
      m.tables = (s.tables as any[]).map((t) => ({ ...t, rect: parseRect(t.rect) }));
      m.validations = (s.validations as any[]).map((v) => ({ ...v, rect: parseRect(v.rect) }));
      m.freeze = s.freeze;
      m.customProperties = new Map(s.customProperties ?? []);
      wb.sheets.push(m);
    }
    wb.activeSheet = json.active ?? 0;
    wb.names = (json.names ?? []).slice();
    return wb;
  }
}

export function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) as T;
}
