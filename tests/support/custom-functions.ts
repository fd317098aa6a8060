/**
 * A stand-in for the `CustomFunctions` global of Excel's custom-functions runtime: the
 * `Error` class, the `ErrorCode` enum (same string values as the runtime) and `associate`,
 * which records registrations. Like Excel, it accepts a message only with #VALUE! and #N/A,
 * so an adapter that passes one with #DIV/0! fails the tests.
 */
export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

const MESSAGE_ALLOWED: ReadonlySet<string> = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

export class StandInError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    if (message !== undefined && !MESSAGE_ALLOWED.has(code)) {
      throw new TypeError(`CustomFunctions.Error: ${code} cannot carry a message ("${message}")`);
    }
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

export interface StandIn {
  Error: typeof StandInError;
  ErrorCode: typeof ErrorCode;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  associated: Map<string, (...args: unknown[]) => unknown>;
}

/** Builds a fresh stand-in (for a vm context, or for the global object). */
export function makeCustomFunctions(): StandIn {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: StandInError,
    ErrorCode,
    associated,
    associate(id, fn) {
      if (associated.has(id)) throw new Error(`associate: ${id} registered twice`);
      if (typeof fn !== "function") throw new Error(`associate: ${id} is not a function`);
      associated.set(id, fn);
    },
  };
}

/** Installs a stand-in as the global `CustomFunctions` (idempotent). */
export function installCustomFunctions(): StandIn {
  const g = globalThis as unknown as { CustomFunctions?: StandIn };
  g.CustomFunctions ??= makeCustomFunctions();
  return g.CustomFunctions;
}
