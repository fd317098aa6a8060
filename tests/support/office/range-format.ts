/** `range.format`: fill, font, the bottom border, column widths, row heights, alignment. */
import type { FakeContext } from "./context";
import { fail } from "./errors";
import { defineProps, guardWrite, Obj, type PropDef, type Resolver } from "./proxy";
import { firstFormat, setFormat, type RangeTarget } from "./range-grid";
import type { Modelled } from "./office-types";

export class RangeFillProxy extends Obj implements Modelled<Excel.RangeFill, "load" | "clear"> {
  protected readonly className = "RangeFill";
  clear(): void {
    this._api("clear");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      setFormat(t, { fill: null });
    });
  }
}
defineProps<Excel.RangeFill>(RangeFillProxy, {
  color: {
    get: (t: RangeTarget) => firstFormat(t, "fill") ?? null,
    set: (t: RangeTarget, v: string) => {
      checkColor(v);
      setFormat(t, { fill: v });
    },
  },
});

export class RangeFontProxy extends Obj implements Modelled<Excel.RangeFont, "load"> {
  protected readonly className = "RangeFont";
}
defineProps<Excel.RangeFont>(RangeFontProxy, {
  bold: { get: (t: RangeTarget) => firstFormat(t, "bold") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { bold: v }) },
  italic: { get: (t: RangeTarget) => firstFormat(t, "italic") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { italic: v }) },
  color: {
    get: (t: RangeTarget) => firstFormat(t, "fontColor") ?? "#000000",
    set: (t: RangeTarget, v: string) => {
      checkColor(v);
      setFormat(t, { fontColor: v });
    },
  },
  name: { get: (t: RangeTarget) => firstFormat(t, "fontName") ?? "Calibri", set: (t: RangeTarget, v: string) => setFormat(t, { fontName: v }) },
  size: { get: (t: RangeTarget) => firstFormat(t, "fontSize") ?? 11, set: (t: RangeTarget, v: number) => setFormat(t, { fontSize: v }) },
});

export class RangeBorderProxy extends Obj implements Modelled<Excel.RangeBorder, "load"> {
  protected readonly className = "RangeBorder";
}
defineProps<Excel.RangeBorder>(RangeBorderProxy, {
  style: {
    get: (t: RangeTarget) => firstFormat(t, "borderBottom") ?? "None",
    set: (t: RangeTarget, v: Excel.RangeBorder["style"]) => setFormat(t, { borderBottom: v }),
  },
  color: { get: () => "#000000", set: (t: RangeTarget) => guardWrite(t.sheet, "setting borders") },
  weight: { get: () => "Thin", set: (t: RangeTarget) => guardWrite(t.sheet, "setting borders") },
});

export class RangeBorderCollectionProxy
  extends Obj
  implements Modelled<Excel.RangeBorderCollection, "load" | "getItem">
{
  protected readonly className = "RangeBorderCollection";
  getItem(index: string): RangeBorderProxy {
    this._api("getItem");
    if (index !== "EdgeBottom") fail("NotImplemented", `The fake supports only the bottom border, not ${index}.`);
    return new RangeBorderProxy(this.ctx, () => this._live());
  }
}
defineProps<Excel.RangeBorderCollection>(RangeBorderCollectionProxy, {});

export class RangeFormatProxy
  extends Obj
  implements Modelled<Excel.RangeFormat, "load" | "fill" | "font" | "borders" | "autofitColumns" | "autofitRows">
{
  protected readonly className = "RangeFormat";
  declare readonly fill: RangeFillProxy;
  declare readonly font: RangeFontProxy;
  declare readonly borders: RangeBorderCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("fill", new RangeFillProxy(ctx, () => this._live()));
    this._nav("font", new RangeFontProxy(ctx, () => this._live()));
    this._nav("borders", new RangeBorderCollectionProxy(ctx, () => this._live()));
  }
  autofitColumns(): void {
    this._api("autofitColumns");
    this.ctx.queue(() => setSizes(this._live(), "columns", -1, "autofitting columns"));
  }
  autofitRows(): void {
    this._api("autofitRows");
    this.ctx.queue(() => setSizes(this._live(), "rows", -1, "autofitting rows"));
  }
}
defineProps<Excel.RangeFormat>(RangeFormatProxy, {
  columnWidth: sizeProp("columns", 48),
  rowHeight: sizeProp("rows", 15),
  wrapText: { get: (t: RangeTarget) => firstFormat(t, "wrapText") ?? false, set: (t: RangeTarget, v: boolean) => setFormat(t, { wrapText: v }) },
  horizontalAlignment: {
    get: (t: RangeTarget) => firstFormat(t, "horizontalAlignment") ?? "General",
    set: (t: RangeTarget, v: Excel.RangeFormat["horizontalAlignment"]) => setFormat(t, { horizontalAlignment: v }),
  },
  verticalAlignment: {
    get: (t: RangeTarget) => firstFormat(t, "verticalAlignment") ?? "Bottom",
    set: (t: RangeTarget, v: Excel.RangeFormat["verticalAlignment"]) => setFormat(t, { verticalAlignment: v }),
  },
});

/**
 * Column widths and row heights: the range's first column (row) is read, every column (row) of
 * it written; -1 stands for "autofitted". `fallback` is what a sheet without a size set reads.
 */
function sizeProp(axis: "columns" | "rows", fallback: number): PropDef<number> {
  return {
    get: (t: RangeTarget) => {
      const { map, from } = sizesOf(t, axis);
      return map.get(from) ?? fallback;
    },
    set: (t: RangeTarget, v: number) => setSizes(t, axis, v, axis === "columns" ? "setting column widths" : "setting row heights"),
  };
}

function sizesOf(t: RangeTarget, axis: "columns" | "rows"): { map: Map<number, number>; from: number; to: number } {
  return axis === "columns"
    ? { map: t.sheet.columnWidths, from: t.rect.c0, to: t.rect.c1 }
    : { map: t.sheet.rowHeights, from: t.rect.r0, to: t.rect.r1 };
}

function setSizes(t: RangeTarget, axis: "columns" | "rows", v: number, doing: string): void {
  guardWrite(t.sheet, doing);
  const { map, from, to } = sizesOf(t, axis);
  for (let i = from; i <= to; i++) map.set(i, v);
}

export function checkColor(v: unknown): void {
  if (typeof v !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(v)) fail("InvalidArgument", `Bad colour "${String(v)}".`);
}
