/**
 * `KPI.ROLLUP` (Italian `KPI.AGGREGA`): the engine's roll-up (src/core/rollup) over ranges a
 * user selects, for staff who keep the cascade in their own cells. The function declared in
 * ./functions.ts delegates here; this file holds the coercion and the tree built from codes.
 *
 * Semantics, the same as `kpi check` and the Riepilogo:
 * - rows with the same code are that node's KPIs; a row without a weight is not a KPI;
 *   achievements are capped to 0..100 before averaging; a blank, `---` or `n.d.`
 *   achievement is missing (skipped and the weights renormalised, or 0 with `"zero"`);
 * - the tree comes from the codes: `B.1.1.2` is under `B.1.1`, under `B.1`, under `B`;
 *   a code with no rows of its own (an area such as `B`) is the equal-weight mean of the
 *   codes right below it;
 * - with the optional `algorithms` range, a row whose algorithm is a weighted mean of the
 *   children ("Media ponderata delle azioni*100") takes the performance of the codes below
 *   its own (measured against >= 100%), so the cascade runs actions -> objectives -> areas.
 * - blank codes under a code belong to the code above (a "ditto" column, as in the tables).
 */
import {
  type AlgorithmKind,
  type CellValue,
  classifyAlgorithm,
  isKpiError,
  kpiError,
  type KpiError,
  type KpiStatus,
  type MeasurementRules,
  missingRuleOf,
  normaliseCode,
  parseNumber,
  rollup,
  type RollupKpi,
  treeFromCodes,
} from "../core";
import { matrix } from "./coerce";
import { raise } from "./excel-errors";

/** An engine error that Excel shows as #N/A (with its message), like NA(). */
function notAvailable(error: KpiError): KpiError {
  return { ...error, excel: "NA" };
}

function dims(m: readonly (readonly CellValue[])[]): string {
  return `${m.length}x${m[0]?.length ?? 0}`;
}

function text(v: CellValue): string {
  return v === null ? "" : String(v).replace(/[\s\u00a0]+/g, " ").trim();
}

/** A single-value argument given as a value, a range or an empty array: its first cell. */
function firstCell(x: unknown): CellValue {
  return matrix(x ?? null)[0]?.[0] ?? null;
}

/** `skip` (default), `zero`, or any word the Regole sheet takes for them (core/missing-words.ts). */
function missingRule(x: unknown): MeasurementRules["missing"] {
  const v = firstCell(x);
  const t = text(v).toLowerCase();
  if (t === "" || v === false) return "skip";
  if (v === 0) return "zero";
  return missingRuleOf(t) ?? raise(kpiError("ROLLUP_BAD_MISSING", { text: text(v) }));
}

/**
 * The performance (0..100) of `code` from parallel ranges of codes, achievements and
 * weights (and optionally algorithms); a `KpiError` when there is none.
 * @example rollupOf([["B.1.1"], ["B.1.2"]], [[80], [60]], [[100], [100]], "B.1") // 70
 */
export function rollupOf(
  codes: unknown,
  achievements: unknown,
  weights: unknown,
  code: unknown,
  algorithms?: unknown,
  missing?: unknown,
): number | KpiError {
  const c = matrix(codes);
  const a = matrix(achievements);
  const w = matrix(weights);
  const shape = dims(c);
  for (const other of [a, w]) {
    if (dims(other) !== shape) return kpiError("SHAPE_MISMATCH", { a: shape, b: dims(other) });
  }
  const alg = algorithms === undefined || algorithms === null ? null : matrix(algorithms);
  if (alg && dims(alg) !== shape) return kpiError("SHAPE_MISMATCH", { a: shape, b: dims(alg) });
  const target = firstCell(code);
  const wanted = normaliseCode(text(target));
  if (wanted === "") return kpiError("BAD_ARGUMENT", { detail: "code" });
  const rule = missingRule(missing);

  const flat = (m: CellValue[][]) => m.flat();
  const codeCells = flat(c);
  const achCells = flat(a);
  const weightCells = flat(w);
  const algCells = alg ? flat(alg) : [];

  const kpis: RollupKpi[] = [];
  const owners: string[] = [];
  let last = "";
  codeCells.forEach((cell, i) => {
    const owner = text(cell) === "" ? last : text(cell);
    last = owner;
    const weight = parseNumber(weightCells[i]);
    if (owner === "" || weight === null) return;
    if (isKpiError(weight)) raise(kpiError("WEIGHT_NOT_NUMBER", { text: text(weightCells[i]) }));
    const score = parseNumber(achCells[i]);
    if (isKpiError(score)) raise(kpiError("VALUE_NOT_NUMBER", { text: text(achCells[i]) }));
    const algText = text(algCells[i] ?? null);
    const kind: AlgorithmKind | null = algText === "" ? null : classifyAlgorithm(algText);
    const status: KpiStatus = score === null ? "missing" : score >= 100 ? "met" : "unmet";
    owners.push(owner);
    kpis.push({ owner, weight: weight as number, achievement: score, status, algorithmKind: kind });
  });

  const known = owners.map(normaliseCode);
  if (!known.some((o) => o === wanted || o.startsWith(`${wanted}.`))) {
    return notAvailable(kpiError("ROLLUP_UNKNOWN_CODE", { code: wanted }));
  }
  const nodes = treeFromCodes([...owners, wanted], { ancestors: true });
  const result = rollup({ nodes, kpis }, { rules: { missing: rule } });
  const node = result.nodes.find((n) => n.code === wanted);
  if (!node || node.achievement === null) return notAvailable(kpiError("ROLLUP_NO_DATA", { code: wanted }));
  return node.achievement;
}
