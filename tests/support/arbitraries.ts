/**
 * What Excel (and users) can hand the add-in, as fast-check arbitraries: every kind of cell
 * value, the awkward numbers (NaN, ±Infinity, -0, huge, subnormal), Italian and near-Italian
 * number texts, target-like texts, Excel's cell-value objects, and ranges as 2-D arrays of
 * mixed types (ragged, empty, a single row or column).
 */
import fc from "fast-check";

/** Numbers at the edges of what a double can hold. */
export const edgeNumber: fc.Arbitrary<number> = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e308,
  1e-308,
  9.99e307,
  2 ** 53 + 1,
  1e21,
  -1e21,
  0.1 + 0.2,
  2958466, // 31/12/9999 + 1 as an Excel serial: past Excel's last date
  -1,
  60, // 29/02/1900, Excel's phantom day
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e-300, max: 1e-300 }) },
);

/** Number texts as they come from PDFs and hand typing: Italian, English, broken. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[+-]?\d{1,3}(\.\d{3}){0,4}(,\d{1,6})?%?$/),
  fc.stringMatching(/^[+-]?\d{1,3}(,\d{3}){0,4}(\.\d{1,6})?%?$/),
  fc.stringMatching(/^ ?[+\-−]?\d{0,400}([.,]\d{0,20})?([eE][+-]?\d{1,4})? ?%{0,2} ?$/),
  fc.constantFrom("---", "--", "-", "n.d.", "N.D.", "n/a", "", " ", "\u00a0", "1\u00a0234,5", "1 234,5", "∞", "NaN", "Infinity", "-Infinity", "1e309", "0x10", "1_000", "١٢٣", "12,5,6", "1..2", ",5", "5,", "%", "+", "1e-400"),
);

/** Target-like texts: per-year, deadlines, operators, with noise. */
export const targetText: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^(entro( il)? )?[<>=≥≤!]{0,3} ?[+-]?\d{0,6}([.,]\d{0,4})?%?$/),
  fc.stringMatching(/^(Anno:? ?\d{2,5} ?[<>=≥≤]{0,2} ?[+-]?\d{1,3}([.,]\d)?%? ?[;,|]? ?){1,5}$/),
  fc.stringMatching(/^(Anno: ?20\d\d ?(---|[<>]=? ?\d{1,2}\/\d{1,2}\/\d{2,5}) ?){1,3}$/),
  fc.stringMatching(/^(<=|entro il|>=) ?\d{1,2}[/-]\d{1,2}[/-]\d{1,5}$/),
  // The wording of other plans: operator words, units, dates in words, bands, SI/NO, year prefixes.
  fc.stringMatching(/^((Target )?(Anno:? ?)?20\d\d:? |(primo|secondo|II|3°) anno: )?(almeno |non inferiore a |pari a |entro (il )?|tra |da )?\d{1,3}( ?%)?( (gg\.|giorni|euro)| (e|a|-) \d{1,3}%?| giugno( 20\d\d)?| semestre)?$/),
  fc.stringMatching(/^(\d{4}: ?(SI|Sì|NO|\d{1,2}\/\d{1,2}|[IV]{1,3} semestre|\d{1,3}%-\d{1,3}%|circa \d)? ?[;|]? ?){1,4}$/),
  fc.constantFrom(
    "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---",
    "Anno: 2021 >= 15% Anno: 2021 >= 16%",
    "<= 31/02/2021",
    "<= 29/02/2024",
    "<= 29/02/2023",
    "entro il 31/12/9999",
    "entro il 01/01/0000",
    ">= 1e309",
    ">= 1e308%",
    "circa 10",
    "Anno:",
    "Anno: Anno: Anno:",
    "anno 2021",
    "Anno: 99999999999999999999 >= 5",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "{text}",
  ),
);

/** Any text at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ minLength: 500, maxLength: 5000 }),
);

/** A plain cell value, or `undefined` (an omitted argument). */
export const anyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyNumber },
  { weight: 2, arbitrary: numberText },
  { weight: 2, arbitrary: targetText },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: 1800, max: 10000 }) },
);

/** Excel's JSON form of a cell value (data types on): `{type, basicValue, numberFormat}` and odd shapes. */
export const cellValueObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    type: fc.constantFrom("Double", "String", "Boolean", "Empty", "Error", "Entity", "FormattedNumber", "Weird"),
    basicValue: anyScalar,
    numberFormat: fc.oneof(fc.constantFrom("0%", "0.00%", '0"%"', "[Red]0%", "General", "dd/mm/yyyy", "\\%0"), fc.string(), fc.constant(undefined)),
  }),
  fc.record({ basicValue: fc.oneof(anyScalar, fc.constant({ nested: true }), fc.constant([[1]])) }),
  fc.constantFrom({}, { type: "Empty" }, { type: null }, { basicValue: undefined }, Object.create(null)),
);

/** A range: rows of mixed cells, possibly ragged or empty. */
export const anyMatrix: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(fc.array(anyScalar, { maxLength: 6 }), { maxLength: 8 }),
  fc.array(fc.array(fc.oneof(anyScalar, cellValueObject), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
  fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.tuple(anyScalar).map((t) => [...t]), { minLength: n, maxLength: n })),
  fc.constantFrom<unknown[][]>([], [[]], [[], []], [[null]], [[undefined]], [[NaN, Infinity]], [["---", "n.d."]]),
);

/** Anything Excel could pass for one argument of a custom function, and a few things it should not. */
export const excelArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyScalar },
  { weight: 2, arbitrary: anyMatrix },
  { weight: 1, arbitrary: cellValueObject },
  { weight: 1, arbitrary: fc.constantFrom([1, 2, 3], [[[1]]], { length: 2 }, () => 1, Symbol.iterator, 10n) },
);
