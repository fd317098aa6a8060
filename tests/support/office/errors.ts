/** The errors the fake host throws, shaped like Office's (`OfficeExtension.Error`). */

/** Mimics OfficeExtension.Error: `name`, `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error implements Pick<OfficeExtension.Error, "name" | "code" | "message" | "debugInfo"> {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function fail(code: string, message: string, location?: string): never {
  throw new FakeOfficeError(code, message, location);
}
