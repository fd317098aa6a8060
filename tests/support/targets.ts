/**
 * Unwrapping what `parseTarget` answers (a Target, or a KpiError as a value) in tests that
 * expect one or the other: a clear failure names what came instead.
 */
import { isKpiError, type KpiError, type Target } from "../../src/core";

/**
 * The parsed target; throws, naming the error, when parsing failed.
 *
 * @example
 *   expect(ok(parseTarget(">= 10")).conditions).toHaveLength(1);
 */
export function ok(x: unknown): Target {
  if (isKpiError(x)) throw new Error(`unexpected error: ${x.message.en}`);
  return x as Target;
}

/**
 * The error; throws, showing the value, when parsing succeeded.
 *
 * @example
 *   expect(err(parseTarget("boh")).code).toBe("target-unreadable");
 */
export function err(x: unknown): KpiError {
  if (!isKpiError(x)) throw new Error(`expected an error, got ${JSON.stringify(x)}`);
  return x;
}
