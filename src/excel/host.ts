/**
 * The one seam between the adapter and Office: `Excel.run`, the API-set check and the
 * platform. The pane builds it from the globals (`officeHost()`); tests and the benchmark
 * pass the fake host from tests/excel/fake-excel.ts instead, so every function in
 * src/excel/ runs unchanged against both.
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

/**
 * The host of the running add-in, from `Excel` and `Office` (after `Office.onReady`).
 * @example const host = officeHost(); await host.run(async (ctx) => { ... });
 */
export function officeHost(): ExcelHost {
  const requirements = Office.context?.requirements;
  const platform = Office.context?.platform as unknown as string | undefined;
  return {
    run: (batch) => Excel.run(batch),
    supports: (version) => {
      try {
        return requirements?.isSetSupported("ExcelApi", version) ?? false;
      } catch {
        // Outside Office (a plain browser) `requirements` may be missing or throw.
        return false;
      }
    },
    // Unknown platforms are treated as the web: its limits are the strictest.
    platform: platform === "PC" || platform === "Mac" ? "desktop" : "web",
  };
}

/** Lets the pane repaint and stay responsive between phases of one action. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
