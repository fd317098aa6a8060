/** `worksheet.customProperties` (ExcelApi 1.12): keys case-insensitive, values strings. */
import { fail } from "./errors";
import type { SheetModel } from "./model";
import { jsonSize } from "./payload";
import { defineProps, guardWrite, Obj } from "./proxy";
import type { Modelled } from "./office-types";

/** Keys are case-insensitive, as in Excel: the stored key keeps its first spelling. */
export function propertyKey(sheet: SheetModel, k: string): string | undefined {
  const lower = k.toLowerCase();
  return [...sheet.customProperties.keys()].find((x) => x.toLowerCase() === lower);
}

export class CustomPropertyCollectionProxy
  extends Obj
  implements Modelled<Excel.WorksheetCustomPropertyCollection, "load" | "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly className = "WorksheetCustomPropertyCollection";
  add(k: string, value: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.add");
    this.ctx.queue(() => {
      const sheet: SheetModel = this._live();
      if (typeof k !== "string" || k.length === 0 || k.length > 255) fail("InvalidArgument", "A custom property key has 1 to 255 characters.");
      guardWrite(sheet, "setting a custom property");
      // Adding an existing key overwrites its value (Office.js documents this).
      sheet.customProperties.set(propertyKey(sheet, k) ?? k, String(value));
    }, jsonSize(k) + jsonSize(value));
    return new CustomPropertyProxy(this.ctx, () => this.find(k), false, true);
  }
  getItem(k: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.getItem");
    return new CustomPropertyProxy(this.ctx, () => this.find(k), false, true);
  }
  getItemOrNullObject(k: string): CustomPropertyProxy {
    this.ctx.requireApi("WorksheetCustomPropertyCollection.getItemOrNullObject");
    return new CustomPropertyProxy(this.ctx, () => this.find(k), true, true);
  }
  private find(k: string): { sheet: SheetModel; key: string } | null {
    const sheet: SheetModel = this._live();
    const found = propertyKey(sheet, k);
    return found === undefined ? null : { sheet, key: found };
  }
}
defineProps<Excel.WorksheetCustomPropertyCollection>(CustomPropertyCollectionProxy, {});

export class CustomPropertyProxy
  extends Obj
  implements Modelled<Excel.WorksheetCustomProperty, "load" | "isNullObject" | "delete">
{
  protected readonly className = "WorksheetCustomProperty";
  delete(): void {
    this._api("delete");
    this.ctx.queue(() => {
      const t: { sheet: SheetModel; key: string } = this._live();
      guardWrite(t.sheet, "deleting a custom property");
      t.sheet.customProperties.delete(t.key);
    });
  }
}
defineProps<Excel.WorksheetCustomProperty>(CustomPropertyProxy, {
  key: { get: (t: { key: string }) => t.key },
  value: {
    get: (t: { sheet: SheetModel; key: string }) => t.sheet.customProperties.get(t.key) ?? null,
    set: (t: { sheet: SheetModel; key: string }, v: string) => {
      guardWrite(t.sheet, "setting a custom property");
      t.sheet.customProperties.set(t.key, String(v));
    },
  },
});
