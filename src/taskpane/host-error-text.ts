import { classifyHostError, errorCode, type HostErrorKind } from "../excel/host-errors";
import { fmt, type Strings } from "./i18n";

/**
 * Host failures in the pane's words: the sentence for the kind of failure
 * (src/excel/host-errors.ts tells the kinds apart), plus the host's code in small print so
 * that support can tell cases apart.
 */

export interface HostProblem {
  readonly kind: HostErrorKind;
  /** The host's error code (`AccessDenied`), or the JavaScript error's name. */
  readonly code: string;
  /** The sentence for the user. */
  readonly message: string;
}

const MESSAGE_KEY: Readonly<Record<HostErrorKind, keyof Strings>> = {
  cellEdit: "errCellEdit",
  protected: "errProtected",
  apiMissing: "errApiMissing",
  notFound: "errNotFound",
  exists: "errExists",
  tooLarge: "errTooLarge",
  busy: "errBusy",
  generic: "errGeneric",
  unexpected: "errUnexpected",
};

/**
 * A host failure as the user reads it, in the pane's language.
 * @example describeHostError({ code: "InvalidOperationInCellEditMode" }, it).message
 *   // "Excel sta modificando una cella. Premi Invio o Esc nel foglio e riprova."
 */
export function describeHostError(error: unknown, strings: Strings): HostProblem {
  const kind = classifyHostError(error);
  const code = errorCode(error) ?? (error instanceof Error ? error.name : "Error");
  return { kind, code, message: strings[MESSAGE_KEY[kind]] };
}

/**
 * The code line shown under the message ("Codice: AccessDenied").
 * @example codeLine(describeHostError({ code: "AccessDenied" }, it), it) // "Codice: AccessDenied"
 */
export function codeLine(problem: HostProblem, strings: Strings): string {
  return fmt(strings.errCode, { code: problem.code });
}
