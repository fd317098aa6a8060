import type { PayloadBudget } from "./payload-budget";
import { errorCode } from "./host-errors";

/**
 * Queued writes sent in batches under the payload budget, one sync each; a batch the host
 * refuses as too large is split in halves and sent again rather than abandoned. For the
 * marks, and for any other large batch of small operations.
 */

/**
 * Splits queued work into batches under the byte budget (one batch unless it is huge).
 * @example batches([1, 2, 3], () => 40, { maxBytes: 100, bytesPerCell: 48, maxCells: 1 }) // [[1, 2], [3]]
 */
export function batches<T>(items: readonly T[], bytes: (t: T) => number, budget: PayloadBudget): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && size + b > budget.maxBytes) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** True when the host refused a request as too large before running any of it. */
export function requestRefused(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/**
 * Sends batches of queued work, one sync each. A batch the host refuses as too large (the
 * request is refused whole, so none of it ran) is sent again as two halves, down to single
 * items: a large write is split rather than abandoned. Any other failure rejects.
 */
export async function sendSplitting<T>(context: Excel.RequestContext, groups: T[][], queue: (item: T) => void): Promise<number> {
  const pending = groups.slice();
  let sent = 0;
  while (pending.length > 0) {
    const batch = pending.shift() as T[];
    for (const item of batch) queue(item);
    try {
      await context.sync();
      sent++;
    } catch (error) {
      if (!requestRefused(error) || batch.length <= 1) throw error;
      const half = Math.ceil(batch.length / 2);
      pending.unshift(batch.slice(0, half), batch.slice(half));
    }
  }
  return sent;
}
