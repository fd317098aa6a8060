/** A custom conditional format's formula and its look: fill, font, thin borders. */
import type { FakeContext } from "./context";
import { fail } from "./errors";
import type { OneCF } from "./conditional-formats";
import { defineProps, guardWrite, Obj, type PropDef, type Resolver } from "./proxy";
import { checkColor } from "./range-format";
import type { Modelled } from "./office-types";

export class CFRuleProxy extends Obj implements Modelled<Excel.ConditionalFormatRule, "load"> {
  protected readonly className = "ConditionalFormatRule";
}
defineProps<Excel.ConditionalFormatRule>(CFRuleProxy, {
  formula: {
    get: (t: OneCF | null) => (t ? t.cf.formula : null),
    set: (t: OneCF, v: string) => {
      guardWrite(t.sheet, "changing a conditional format");
      if (typeof v !== "string" || !v.startsWith("=")) fail("InvalidArgument", "A rule formula must start with '='.");
      t.cf.formula = v;
    },
  },
});

export class CFFormatProxy
  extends Obj
  implements Modelled<Excel.ConditionalRangeFormat, "load" | "fill" | "font" | "borders">
{
  protected readonly className = "ConditionalRangeFormat";
  declare readonly fill: CFFillProxy;
  declare readonly font: CFFontProxy;
  declare readonly borders: CFBorderCollectionProxy;
  constructor(ctx: FakeContext, resolver: Resolver) {
    super(ctx, resolver);
    this._nav("fill", new CFFillProxy(ctx, () => this._live()));
    this._nav("font", new CFFontProxy(ctx, () => this._live()));
    this._nav("borders", new CFBorderCollectionProxy(ctx, () => this._live()));
  }
}
defineProps<Excel.ConditionalRangeFormat>(CFFormatProxy, {});

export const CF_EDGES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]);
/** Conditional formats take only thin lines (Excel refuses Medium, Thick, Double there). */
export const CF_BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot"]);

export class CFBorderCollectionProxy
  extends Obj
  implements Modelled<Excel.ConditionalRangeBorderCollection, "load" | "getItem">
{
  protected readonly className = "ConditionalRangeBorderCollection";
  getItem(index: string): CFBorderProxy {
    this.ctx.requireApi("ConditionalRangeBorderCollection.getItem");
    if (!CF_EDGES.has(index)) fail("InvalidArgument", `A conditional format has no border '${index}'.`);
    return new CFBorderProxy(this.ctx, () => ({ one: this._live() as OneCF, edge: index }));
  }
}
defineProps<Excel.ConditionalRangeBorderCollection>(CFBorderCollectionProxy, {});

export interface CFEdge {
  one: OneCF;
  edge: string;
}

export function cfBorder(t: CFEdge): { style: Excel.ConditionalRangeBorder["style"]; color: string | null } {
  const f = t.one.cf.format;
  const borders = (f.borders ??= {});
  return (borders[t.edge] ??= { style: "None", color: null });
}

export class CFBorderProxy extends Obj implements Modelled<Excel.ConditionalRangeBorder, "load"> {
  protected readonly className = "ConditionalRangeBorder";
}
defineProps<Excel.ConditionalRangeBorder>(CFBorderProxy, {
  style: {
    get: (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.style ?? "None",
    set: (t: CFEdge, v: Excel.ConditionalRangeBorder["style"]) => {
      guardWrite(t.one.sheet, "changing a conditional format");
      if (!CF_BORDER_STYLES.has(v)) fail("InvalidArgument", `The border style '${v}' is not allowed in a conditional format.`);
      cfBorder(t).style = v;
    },
  },
  color: {
    get: (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.color ?? null,
    set: (t: CFEdge, v: string) => {
      guardWrite(t.one.sheet, "changing a conditional format");
      checkColor(v);
      cfBorder(t).color = v;
    },
  },
});

export class CFFillProxy extends Obj implements Modelled<Excel.ConditionalRangeFill, "load"> {
  protected readonly className = "ConditionalRangeFill";
}
defineProps<Excel.ConditionalRangeFill>(CFFillProxy, { color: lookProp("fill", checkColor) });

export class CFFontProxy extends Obj implements Modelled<Excel.ConditionalRangeFont, "load"> {
  protected readonly className = "ConditionalRangeFont";
}
defineProps<Excel.ConditionalRangeFont>(CFFontProxy, {
  color: lookProp("fontColor", checkColor),
  bold: lookProp("bold"),
  italic: lookProp("italic"),
});

/** A part of a rule's look (`cf.format[field]`): written only on an unprotected sheet, and checked by `check` when given. */
function lookProp(field: "fill" | "fontColor", check: (v: unknown) => void): PropDef<string>;
function lookProp(field: "bold" | "italic"): PropDef<boolean>;
function lookProp(field: "fill" | "fontColor" | "bold" | "italic", check?: (v: unknown) => void): PropDef {
  return {
    get: (t: OneCF) => t.cf.format[field],
    set: (t: OneCF, v: never) => {
      guardWrite(t.sheet, "changing a conditional format");
      check?.(v);
      t.cf.format[field] = v;
    },
  };
}
