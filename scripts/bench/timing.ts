/**
 * Timing for the benchmark: warm-up runs, then several timed samples, the median kept.
 * A subject and its baseline are sampled in alternation, so that a slow moment of this
 * shared machine hits both rather than one.
 */
import { performance } from "perf_hooks";

/** Sink for results, so that the JIT cannot drop a loop whose result is unused. */
let sink = 0;
export function consume(x: unknown): void {
  if (typeof x === "number") sink += x;
  else if (typeof x === "boolean") sink += x ? 1 : 0;
  else if (x !== null && x !== undefined) sink += 1;
}
export function sinkValue(): number {
  return sink;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

export interface Timing {
  /** Median milliseconds per call of the measured function. */
  readonly ms: number;
  /** Every sample, ms per call. */
  readonly samples: readonly number[];
  /** Calls per sample (small workloads are repeated to reach a measurable duration). */
  readonly reps: number;
}

export interface TimingOptions {
  /** Warm-up calls before sampling (JIT, caches). */
  readonly warmup?: number;
  /** Timed samples; the median is reported. */
  readonly samples?: number;
  /** A sample repeats the call until it lasts at least this long. */
  readonly minSampleMs?: number;
  /** Calls per sample, instead of calibrating (for workloads that already last long). */
  readonly reps?: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** How many calls make one sample last about `minSampleMs`. */
function calibrate(fn: () => unknown, minSampleMs: number): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) consume(fn());
    const elapsed = performance.now() - t0;
    if (elapsed >= minSampleMs || reps >= 1 << 20) return reps;
    reps = elapsed <= 0 ? reps * 16 : Math.min(reps * 16, Math.ceil((reps * minSampleMs * 1.2) / elapsed));
  }
}

function sample(fn: () => unknown, reps: number): number {
  gc?.();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) consume(fn());
  return (performance.now() - t0) / reps;
}

/**
 * Times several functions side by side: warm-up, then `samples` rounds in which each
 * function gets one sample. Returns one Timing per function, in order.
 * @example const [subject, baseline] = timeSideBySide([() => validate(g), () => touch(g)]);
 */
export function timeSideBySide(fns: readonly (() => unknown)[], options: TimingOptions = {}): Timing[] {
  const warmup = options.warmup ?? 2;
  const rounds = options.samples ?? 5;
  const minSampleMs = options.minSampleMs ?? 50;
  for (const fn of fns) for (let i = 0; i < warmup; i++) consume(fn());
  const reps = fns.map((fn) => options.reps ?? calibrate(fn, minSampleMs));
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => samples[i].push(sample(fn, reps[i])));
  }
  return samples.map((s, i) => ({ ms: median(s), samples: s, reps: reps[i] }));
}

/** Formats milliseconds with a unit that keeps 3 significant digits. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toPrecision(3)} µs`;
  return `${(ms * 1e6).toPrecision(3)} ns`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function formatRatio(x: number): string {
  if (!Number.isFinite(x)) return "—";
  return x >= 100 ? `${x.toFixed(0)}x` : x >= 10 ? `${x.toFixed(1)}x` : `${x.toFixed(2)}x`;
}
