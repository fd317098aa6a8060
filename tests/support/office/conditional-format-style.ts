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
  formula: cfProp<OneCF, string>(
    (t: OneCF | null) => (t ? t.cf.formula : null),
    (t, v) => (t.cf.formula = v),
    (v: string) => {
      if (typeof v !== "string" || !v.startsWith("=")) fail("InvalidArgument", "A rule formula must start with '='.");
    },
  ),
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
  style: cfProp(
    (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.style ?? "None",
    (t, v) => (cfBorder(t).style = v),
    (v: Excel.ConditionalRangeBorder["style"]) => {
      if (!CF_BORDER_STYLES.has(v)) fail("InvalidArgument", `The border style '${v}' is not allowed in a conditional format.`);
    },
  ),
  color: cfProp(
    (t: CFEdge) => t.one.cf.format.borders?.[t.edge]?.color ?? null,
    (t, v: string) => (cfBorder(t).color = v),
    checkColor,
  ),
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
  return cfProp((t: OneCF) => t.cf.format[field], (t, v) => (t.cf.format[field] = v as never), check);
}

/**
 * A property of a conditional format (or of one of its borders): read with `get`; written with
 * `put` only on an unprotected sheet (as Excel refuses it on a protected one) and after
 * `check`, when given, accepts the value.
 *
 * @example
 *   cfProp((t: OneCF) => t.cf.stopIfTrue, (t, v: boolean) => (t.cf.stopIfTrue = v))
 */
export function cfProp<T extends OneCF | CFEdge, V>(
  get: (t: T) => V | null,
  put: (t: T, v: V) => void,
  check?: (v: V) => void,
): PropDef<V> {
  return {
    get: (t: T) => get(t),
    set: (t: T, v: V) => {
      guardWrite("one" in t ? t.one.sheet : t.sheet, "changing a conditional format");
      check?.(v);
      put(t, v);
    },
  };
}
