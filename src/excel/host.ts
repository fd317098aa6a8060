import { hasFeature } from "./requirements";

/**
 * The one seam between the adapter and Office: `Excel.run`, the API-set check and the
 * platform. The pane builds it from the globals (`officeHost()`); tests and the benchmark
 * pass the fake host from tests/support/office/ instead (directly, or through `hostFrom`
 * like the pane), so every function in src/excel/ runs unchanged against both.
 */

export type Platform = "web" | "desktop";

export interface ExcelHost {
  /** `Excel.run`: one request context per user action. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** True when the host implements `ExcelApi` at this version (e.g. "1.6"). */
  supports(version: string): boolean;
  /** Excel on the web limits each request and response to 5 MB; desktop hosts do not. */
  readonly platform: Platform;
}

/** What `hostFrom` needs: `Excel.run` (both overloads), the requirement check, the platform name. */
export interface OfficeGlobals {
  readonly run: (...args: unknown[]) => Promise<unknown>;
  readonly isSetSupported?: (name: string, version?: string) => boolean;
  /** `Office.context.platform`: "PC", "Mac", "OfficeOnline" ... */
  readonly platform?: string;
}

/**
 * An `ExcelHost` over Office's globals. Every action runs with `delayForCellEdit: true` where
 * the host takes the option (./requirements.ts): while the user is typing in a cell, Excel
 * waits for them to finish instead of failing the action. A host that still fails
 * (`InvalidOperationInCellEditMode`, or `InvalidOperation` with a localized message) gets the
 * plain "Excel is editing a cell" message (./host-errors.ts).
 * @example const host = hostFrom({ run: Excel.run, isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v), platform: "PC" });
 */
export function hostFrom(globals: OfficeGlobals): ExcelHost {
  const supports = (version: string): boolean => {
    try {
      return globals.isSetSupported?.("ExcelApi", version) ?? false;
    } catch {
      // Outside Office (a plain browser) `requirements` may be missing or throw.
      return false;
    }
  };
  const host: ExcelHost = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      (hasFeature(host, "delayForCellEdit") ? globals.run({ delayForCellEdit: true }, batch) : globals.run(batch)) as Promise<T>,
    supports,
    // Unknown platforms are treated as the web: its limits are the strictest.
    platform: globals.platform === "PC" || globals.platform === "Mac" ? "desktop" : "web",
  };
  return host;
}

/**
 * The host of the running add-in, from `Excel` and `Office` (after `Office.onReady`).
 * @example const host = officeHost(); await host.run(async (ctx) => { ... });
 */
export function officeHost(): ExcelHost {
  const requirements = Office.context?.requirements;
  return hostFrom({
    run: Excel.run as unknown as OfficeGlobals["run"],
    isSetSupported: requirements ? (name, version) => requirements.isSetSupported(name, version) : undefined,
    platform: Office.context?.platform as unknown as string | undefined,
  });
}

/** Lets the pane repaint and stay responsive between phases of one action. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
