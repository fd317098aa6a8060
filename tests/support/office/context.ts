/**
 * The request context of one `Excel.run`: the batch of queued operations and loads, and
 * `sync()`, which applies them in order, enforces the payload limits, cell-edit mode and
 * injected faults, and publishes the loaded values.
 */
import { apiSetOf, versionAtLeast } from "./api-sets";
import { FakeOfficeError, fail } from "./errors";
import type { FakeExcel } from "./host";
import type { SyncStat } from "./options";
import { OP_OVERHEAD } from "./payload";
import type { Modelled } from "./office-types";
import type { Obj } from "./proxy";
import { WorkbookProxy } from "./workbook";

// ------------------------------------------------------------------ the request context

export type Op = { run: () => void; request: number };

export class Batch {
  ops: Op[] = [];
  /** Values fetched by this batch's loads, published when the sync completes. */
  staged: { obj: Obj; prop: string; value: unknown }[] = [];
  /** Objects with loads in this batch. */
  pending = new Set<Obj>();
  response = 0;
}

export class FakeContext implements Modelled<Excel.RequestContext, "workbook" | "sync" | "trackedObjects"> {
  readonly workbook: any;
  /** The batch being queued by the add-in. */
  batch = new Batch();
  /** The batch being executed by `sync()` (loads stage their results here). */
  executing = new Batch();
  /** While set, `queue` runs an operation at once (loads expanded inside another operation). */
  immediate = false;
  /** Depth of target resolutions in progress (see `Obj._live`). */
  resolving = 0;
  constructor(
    readonly host: FakeExcel,
    /** The run was started with `{ delayForCellEdit: true }`. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(run: () => void, request = 0): void {
    if (this.immediate) {
      run();
      return;
    }
    this.batch.ops.push({ run, request: request + OP_OVERHEAD });
  }

  /** Refuses a member whose set (src/excel/requirements.ts) the host lacks, or that no table lists. */
  requireApi(member: string): void {
    const version = apiSetOf(member);
    this.host.membersUsed.add(member);
    if (version === undefined) fail("ApiNotFound", `${member} is in no requirement table (src/excel/requirements.ts).`);
    if (!versionAtLeast(this.host.apiVersion, version)) {
      fail("ApiNotFound", `${member} needs ExcelApi ${version}; this host has ${this.host.apiVersion}.`);
    }
  }

  async sync(): Promise<void> {
    const host = this.host;
    const batch = this.batch;
    this.batch = new Batch();
    host._syncNumber++;
    const stat: SyncStat = { request: 0, response: 0, operations: batch.ops.length };
    host.stats.syncs++;
    host.stats.perSync.push(stat);
    // Let other work run, as a real round trip would.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const request = batch.ops.reduce((n, op) => n + op.request, 0);
    stat.request = request;
    host.stats.requestBytes += request;
    const abort = (error: unknown): never => {
      for (const o of batch.pending) o._abortSync();
      throw error;
    };
    if (host.cellEditMode && this.delayForCellEdit && !host.ignoresDelay) {
      // Documented: the batch is delayed until the user exits cell edit mode.
      await new Promise<void>((resolve) => host._editWaiters.push(resolve));
    }
    if (host.cellEditMode) {
      abort(new FakeOfficeError(host.cellEditError.code, host.cellEditError.message));
    }
    if (request > Math.min(host.payloadLimit, host.requestLimit)) {
      stat.rejected = true;
      abort(
        new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload (${request} bytes) exceeds the limit.`),
      );
    }
    const fault = host._faults.find((f) => f.sync === host._syncNumber);
    let done = 0;
    this.executing = batch;
    try {
      for (const op of batch.ops) {
        if (fault && done === fault.afterOperations) throw new FakeOfficeError(fault.code, fault.message);
        op.run();
        done++;
      }
      if (fault) throw new FakeOfficeError(fault.code, fault.message);
    } catch (e) {
      abort(e);
    }
    stat.response = batch.response;
    if (batch.response > host.payloadLimit) {
      // Built and refused: the add-in never receives it (no bytes moved to the page).
      stat.rejected = true;
      host.stats.rejectedBytes += batch.response;
      abort(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload (${batch.response} bytes) exceeds the limit.`,
        ),
      );
    }
    host.stats.responseBytes += batch.response;
    for (const s of batch.staged) s.obj._publish(s.prop, s.value);
  }

  /** `context.trackedObjects` (no-op: the fake has no memory to release). */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}
