/** `range.dataValidation`: one rule per rectangle, as the add-in writes it; `clear`. */
import { intersects, rectAddress } from "./addresses";
import { fail } from "./errors";
import type { ValidationModel } from "./model";
import { defineProps, guardWrite, Obj } from "./proxy";
import type { RangeTarget } from "./range-grid";
import type { Modelled } from "./office-types";

export class DataValidationProxy extends Obj implements Modelled<Excel.DataValidation, "load" | "clear"> {
  protected readonly className = "DataValidation";
  clear(): void {
    this.ctx.requireApi("DataValidation.clear");
    this.ctx.queue(() => {
      const t: RangeTarget = this._live();
      guardWrite(t.sheet, "clearing data validation");
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
    });
  }
}
export function validationFor(t: RangeTarget): ValidationModel {
  guardWrite(t.sheet, "setting data validation");
  let v = t.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(t.rect));
  if (!v) {
    v = { rect: t.rect, rule: null, errorAlert: null, prompt: null };
    t.sheet.validations.push(v);
  }
  return v;
}
defineProps<Excel.DataValidation>(DataValidationProxy, {
  rule: {
    get: (t: RangeTarget) => t.sheet.validations.find((x) => intersects(x.rect, t.rect))?.rule ?? null,
    set: (t: RangeTarget, v: unknown) => {
      const keys = Object.keys((v as object) ?? {});
      if (keys.length !== 1) fail("InvalidArgument", "A data validation rule has exactly one type.");
      validationFor(t).rule = v;
    },
  },
  errorAlert: { get: () => null, set: (t: RangeTarget, v: unknown) => (validationFor(t).errorAlert = v) },
  ignoreBlanks: {
    get: (t: RangeTarget) => t.sheet.validations.find((x) => intersects(x.rect, t.rect))?.ignoreBlanks ?? true,
    set: (t: RangeTarget, v: boolean) => (validationFor(t).ignoreBlanks = v),
  },
  prompt: { get: () => null, set: (t: RangeTarget, v: unknown) => (validationFor(t).prompt = v) },
});
