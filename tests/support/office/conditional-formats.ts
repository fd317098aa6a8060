/**
 * `range.conditionalFormats`: the rules over a range (listed, added on top, deleted), and a
 * custom rule reached with `custom` / `customOrNullObject`.
 */
import { intersects, type Rect } from "./addresses";
import { ItemCollectionProxy } from "./collection";
import { CFFormatProxy, CFRuleProxy, cfProp } from "./conditional-format-style";
import type { FakeContext } from "./context";
import { fail } from "./errors";
import { nextRuleId, type CFModel, type SheetModel } from "./model";
import { defineProps, guardWrite, Obj, type Resolver } from "./proxy";
import { RangeProxy } from "./range";
import type { Modelled } from "./office-types";

// ---- conditional formats

export interface CFTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class ConditionalFormatCollectionProxy
  extends ItemCollectionProxy<ConditionalFormatProxy>
  implements Modelled<Excel.ConditionalFormatCollection, "load" | "items" | "add" | "clearAll" | "getCount">
{
  protected readonly className = "ConditionalFormatCollection";
  protected readonly defaultItemPaths = ["type"];
  protected currentItems(): ConditionalFormatProxy[] | null {
    const t: CFTarget | null = this._resolve();
    if (t === null) return null;
    const cfs = t.sheet.cfs.filter((cf) => cf.rects.some((r) => t.rects.some((q) => intersects(r, q))));
    return cfs.map((cf) => new ConditionalFormatProxy(this.ctx, () => (t.sheet.cfs.includes(cf) ? { sheet: t.sheet, cf } : null)));
  }
  add(type: Excel.ConditionalFormat["type"]): ConditionalFormatProxy {
    this.ctx.requireApi("ConditionalFormatCollection.add");
    let made: { sheet: SheetModel; cf: CFModel } | undefined;
    this.ctx.queue(() => {
      const t: CFTarget = this._live();
      guardWrite(t.sheet, "adding a conditional format");
      const cf: CFModel = {
        id: nextRuleId("cf"),
        type,
        rects: t.rects.map((r) => ({ ...r })),
        formula: null,
        format: { fill: null, fontColor: null, bold: null, italic: null },
        stopIfTrue: false,
      };
      // New rules go on top (priority 0), as in Excel.
      t.sheet.cfs.unshift(cf);
      made = { sheet: t.sheet, cf };
    }, type.length + 2);
    return new ConditionalFormatProxy(this.ctx, () => made, false, true);
  }
  clearAll(): void {
    this.ctx.requireApi("ConditionalFormatCollection.clearAll");
    fail("NotImplemented", "clearAll would remove the user's rules; the add-in must never call it.");
  }
  getCount(): { value: number } {
    fail("NotImplemented", "getCount is not used.");
  }
}
defineProps<Excel.ConditionalFormatCollection>(ConditionalFormatCollectionProxy, {});

export interface OneCF {
  sheet: SheetModel;
  cf: CFModel;
}

export class ConditionalFormatProxy
  extends Obj
  implements Modelled<Excel.ConditionalFormat, "load" | "isNullObject" | "custom" | "customOrNullObject" | "delete" | "getRange">
{
  protected readonly className = "ConditionalFormat";
  declare readonly custom: CustomCFProxy;
  declare readonly customOrNullObject: CustomCFProxy;
  constructor(ctx: FakeContext, resolver: Resolver, nullable = false, queued = false) {
    super(ctx, resolver, nullable, queued);
    this._nav("custom", new CustomCFProxy(ctx, () => {
      const t: OneCF = this._live();
      if (t.cf.type !== "Custom") fail("InvalidArgument", "The conditional format is not a custom one.");
      return t;
    }));
    this._nav("customOrNullObject", new CustomCFProxy(
      ctx,
      () => {
        const t: OneCF = this._live();
        return t.cf.type === "Custom" ? t : null;
      },
      true,
    ));
  }
  delete(): void {
    this.ctx.requireApi("ConditionalFormat.delete");
    this.ctx.queue(() => {
      const t: OneCF = this._live();
      guardWrite(t.sheet, "deleting a conditional format");
      const i = t.sheet.cfs.indexOf(t.cf);
      if (i < 0) fail("ItemNotFound", "The conditional format no longer exists.");
      t.sheet.cfs.splice(i, 1);
    });
  }
  getRange(): RangeProxy {
    this._api("getRange");
    return new RangeProxy(
      this.ctx,
      () => {
        const t: OneCF = this._live();
        return { sheet: t.sheet, rect: t.cf.rects[0] };
      },
      false,
      true,
    );
  }
}
defineProps<Excel.ConditionalFormat>(ConditionalFormatProxy, {
  type: { get: (t: OneCF) => t.cf.type },
  id: { get: (t: OneCF) => t.cf.id },
  priority: { get: (t: OneCF) => t.sheet.cfs.indexOf(t.cf) },
  stopIfTrue: cfProp((t: OneCF) => t.cf.stopIfTrue, (t, v: boolean) => (t.cf.stopIfTrue = v)),
});

export class CustomCFProxy
  extends Obj
  implements Modelled<Excel.CustomConditionalFormat, "load" | "isNullObject" | "rule" | "format">
{
  protected readonly className = "CustomConditionalFormat";
  declare readonly rule: CFRuleProxy;
  declare readonly format: CFFormatProxy;
  /**
   * `orNull`: the `customOrNullObject` navigation property. Unlike `getItemOrNullObject`, it
   * learns that it is null when it is loaded, and its children then load as nulls.
   */
  constructor(ctx: FakeContext, resolver: Resolver, orNull = false) {
    super(ctx, resolver);
    this.nullable = orNull;
    this._nav("rule", new CFRuleProxy(ctx, () => this._live()));
    this._nav("format", new CFFormatProxy(ctx, () => this._live()));
    if (orNull) {
      for (const child of [this.rule, this.format, this.format.fill, this.format.font, this.format.borders]) child._nullParent = this;
    }
  }
  override _loadPath(path: string): void {
    if (this.nullable && !this._requested.has("isNullObject")) this._stageNull();
    super._loadPath(path);
  }
}
defineProps<Excel.CustomConditionalFormat>(CustomCFProxy, {});
