/** What the numbers were measured on: CPU, cores, memory, Node, date, commit. */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { cpus, totalmem } from "os";
import { ROOT } from "./grids";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly date: string;
  readonly commit: string;
  readonly load: string;
}

function cpuModel(): string {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const m = /^model name\s*:\s*(.+)$/m.exec(info) ?? /^Hardware\s*:\s*(.+)$/m.exec(info);
    if (m) return m[1].trim();
  } catch {
    // Not Linux: fall back to what Node knows.
  }
  return cpus()[0]?.model ?? "unknown";
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "n/a";
  }
}

export function describeMachine(): Machine {
  const head = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain"]) !== "";
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit: head ? `${head}${dirty ? " + uncommitted changes" : ""}` : "unknown",
    load: loadAverage(),
  };
}
