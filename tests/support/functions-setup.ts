/**
 * Import this first in a spec: it installs the CustomFunctions stand-in before the functions
 * module loads, as Excel's runtime does, and gives the spec its small vocabulary.
 */
import { ErrorCode, installCustomFunctions, StandInError } from "./custom-functions";

installCustomFunctions();

export { ErrorCode };

/** What a call threw, as code + message, or a failure when it returned. */
export function thrown(call: () => unknown): { code: ErrorCode; message: string } {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (!(e instanceof StandInError)) {
      throw new Error(`expected a CustomFunctions.Error, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    return { code: e.code, message: e.message };
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}

/** Excel-shaped column range from a list of values. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
