/** `Excel.Range`: address, values, formulas, number formats, derived ranges, select and clear. */
import { COLS, key, quoteSheet, rectAddress, type Rect } from "./addresses";
import { invariantFormula, writeInput } from "./cell-input";
import { ConditionalFormatCollectionProxy } from "./conditional-formats";
import type { FakeContext } from "./context";
import { DataValidationProxy } from "./data-validation";
import { fail } from "./errors";
import type { FakeExcel } from "./host";
import { getCell, setCell } from "./model";
import { defineProps, guardWrite, Obj, type Resolver } from "./proxy";
import { RangeFormatProxy } from "./range-format";
import { checkGetSize, grid, writeGrid, type RangeTarget } from "./range-grid";
import type { FakeWorkbook } from "./workbook-model";
import type { Modelled } from "./office-types";

export class RangeProxy
  extends Obj
  implements Modelled<Excel.Range, "load" | "isNullObject" | "format" | "conditionalFormats" | "dataValidation" | "getCell" | "getResizedRange" | "getOffsetRange" | "getRow" | "getColumn" | "select" | "clear">
{
  protected readonly className = "Range";
  declare readonly format: RangeFormatProxy;
  declare readonly conditionalFormats: ConditionalFormatCollectionProxy;
  declare readonly dataValidation: DataValidationProxy;
  constructor(ctx: FakeContext, resolver: Resolver, nullable = false, queued = false) {
    super(ctx, resolver, nullable, queued);
    this._nav("format", new RangeFormatProxy(ctx, () => this._live()));
    this._nav("conditionalFormats", new ConditionalFormatCollectionProxy(ctx, () => {
      const t: RangeTarget = this._live();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
    this._nav("dataValidation", new DataValidationProxy(ctx, () => this._live()));
  }
  private derived(f: (t: RangeTarget) => RangeTarget): RangeProxy {
    return new RangeProxy(this.ctx, () => f(this._live()), false, true);
  }
  getCell(row: number, column: number): RangeProxy {
    this._api("getCell");
    return this.derived((t) => {
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      return { sheet: t.sheet, rect: { r0: r, r1: r, c0: c, c1: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._api("getResizedRange");
    return this.derived((t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns },
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    this._api("getOffsetRange");
    return this.derived((t) => ({
      sheet: t.sheet,
      rect: {
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      },
    }));
  }
  getRow(i: number): RangeProxy {
    this._api("getRow");
    return this.derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i } }));
  }
  getColumn(i: number): RangeProxy {
    this._api("getColumn");
    return this.derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: t.rect.c0 + i, c1: t.rect.c0 + i } }));
  }
  select(): void {
    this._api("select");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      const wb: FakeWorkbook = this.ctx.host.workbook;
      if (wb.sheets[wb.activeSheet] !== t.sheet) fail("InvalidSelection", "The range is not on the active sheet.");
      wb.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
  /**
   * Clears everything in the range: values, formulas, number formats, cell formats, data
   * validation and the conditional formats inside it (only "All" is modelled). The add-in
   * may use it on a sheet it made itself (the summary), never on the user's.
   */
  clear(applyTo: string = "All"): void {
    this._api("clear");
    if (applyTo !== "All") fail("NotImplemented", `Range.clear("${applyTo}") is not modelled.`);
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "clearing a range");
      const s = t.sheet;
      const inside = (k: number) => {
        const r = Math.floor(k / COLS);
        const c = k % COLS;
        return r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1;
      };
      for (let r = t.rect.r0; r <= Math.min(t.rect.r1, s.rows.length - 1); r++) {
        const row = s.rows[r];
        if (!row) continue;
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, row.length - 1); c++) row[c] = "";
      }
      for (const m of [s.formulas, s.numberFormats, s.formats] as Map<number, unknown>[]) {
        for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
      }
      const within = (r: Rect) => r.r0 >= t.rect.r0 && r.r1 <= t.rect.r1 && r.c0 >= t.rect.c0 && r.c1 <= t.rect.c1;
      s.cfs = s.cfs.filter((cf) => !cf.rects.every(within));
      s.validations = s.validations.filter((v) => !within(v.rect));
    });
  }
}
defineProps<Excel.Range>(RangeProxy, {
  address: { get: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}` },
  rowCount: { get: (t: RangeTarget) => t.rect.r1 - t.rect.r0 + 1 },
  columnCount: { get: (t: RangeTarget) => t.rect.c1 - t.rect.c0 + 1 },
  rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
  columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
  values: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => getCell(t.sheet, r, c));
    },
    set: (t: RangeTarget, v: unknown) => {
      guardWrite(t.sheet, "writing values");
      writeGrid(t, v, (r, c, x) => writeInput(t.sheet, r, c, x));
    },
  },
  formulas: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => t.sheet.formulas.get(key(r, c)) ?? getCell(t.sheet, r, c));
    },
    set: (t: RangeTarget, v: unknown, self: Obj) => {
      guardWrite(t.sheet, "writing formulas");
      const host: FakeExcel = (self as any).ctx.host;
      writeGrid(t, v, (r, c, x) => writeInput(t.sheet, r, c, x, host));
    },
  },
  formulasLocal: {
    set: (t: RangeTarget, v: unknown, self: Obj) => {
      guardWrite(t.sheet, "writing formulas");
      const host: FakeExcel = (self as any).ctx.host;
      host.localWrites++;
      writeGrid(t, v, (r, c, x) => {
        if (typeof x !== "string" || !x.trim().startsWith("=")) return writeInput(t.sheet, r, c, x, host);
        const local = invariantFormula(x.trim(), host);
        writeInput(t.sheet, r, c, local.text, host);
        if (!local.known) setCell(t.sheet, r, c, "#NAME?");
      });
    },
  },
  numberFormat: {
    get: (t: RangeTarget, self: Obj) => {
      if (!checkGetSize(t, self)) return null;
      return grid(t, (r, c) => t.sheet.numberFormats.get(key(r, c)) ?? "General");
    },
    set: (t: RangeTarget, v: unknown) => {
      guardWrite(t.sheet, "setting number formats");
      writeGrid(t, v, (r, c, x) => {
        if (x === "General" || x === null || x === "") t.sheet.numberFormats.delete(key(r, c));
        else t.sheet.numberFormats.set(key(r, c), String(x));
      });
    },
  },
});
