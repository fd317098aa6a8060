/** `worksheet.tables`: adding a table over a range, and a table's name, style and banding. */
import { intersects, parseRect, type Rect } from "./addresses";
import { fail } from "./errors";
import type { SheetModel, TableModel } from "./model";
import { jsonSize } from "./payload";
import { defineProps, guardWrite, Obj } from "./proxy";
import { targetOfRange } from "./range-grid";
import type { FakeWorkbook } from "./workbook-model";
import type { Modelled } from "./office-types";

export class TableCollectionProxy extends Obj implements Modelled<Excel.TableCollection, "load" | "add"> {
  protected readonly className = "TableCollection";
  add(address: string | Excel.Range, hasHeaders: boolean): TableProxy {
    this._api("add");
    let made: TableModel | undefined;
    this.ctx.queue(() => {
      const s: SheetModel = this._live();
      guardWrite(s, "adding a table");
      let rect: Rect;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        rect = parseRect(bang >= 0 ? address.slice(bang + 1) : address);
      } else {
        rect = targetOfRange(address).rect;
      }
      const wb: FakeWorkbook = this.ctx.host.workbook;
      for (const sh of wb.sheets)
        for (const t of sh.tables)
          if (sh === s && intersects(t.rect, rect)) fail("InvalidOperation", "Tables cannot overlap.");
      let n = 1;
      const names = new Set([
        ...wb.sheets.flatMap((sh) => sh.tables.map((t) => t.name.toLowerCase())),
        ...wb.names.map((n) => n.toLowerCase()),
      ]);
      while (names.has(`table${n}`)) n++;
      made = { name: `Table${n}`, rect, hasHeaders, style: "TableStyleMedium2", showBandedRows: true };
      s.tables.push(made);
    }, jsonSize(typeof address === "string" ? address : "range"));
    return new TableProxy(this.ctx, () => made, false, true);
  }
}
defineProps<Excel.TableCollection>(TableCollectionProxy, {});

export class TableProxy extends Obj implements Modelled<Excel.Table, "load"> {
  protected readonly className = "Table";
}
defineProps<Excel.Table>(TableProxy, {
  name: {
    get: (t: TableModel) => t.name,
    set: (t: TableModel, v: string, self: TableProxy) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) {
        fail("InvalidArgument", `The table name "${v}" is not valid.`);
      }
      const wb: FakeWorkbook = (self as any).ctx.host.workbook;
      for (const sh of wb.sheets)
        for (const other of sh.tables)
          if (other !== t && other.name.toLowerCase() === v.toLowerCase())
            fail("ItemAlreadyExists", `A table named "${v}" already exists.`);
      if (wb.names.some((n) => n.toLowerCase() === v.toLowerCase())) {
        fail("ItemAlreadyExists", `A defined name "${v}" already exists.`);
      }
      t.name = v;
    },
  },
  style: { get: (t: TableModel) => t.style, set: (t: TableModel, v: string) => (t.style = v) },
  showBandedRows: {
    get: (t: TableModel) => t.showBandedRows,
    set: (t: TableModel, v: boolean) => (t.showBandedRows = v),
  },
});
