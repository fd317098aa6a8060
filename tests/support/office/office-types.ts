/**
 * Ties the fake to the Office.js reference (`@types/office-js`), so that a member the fake
 * names, or whose parameters it types, differently from Office is a compile error rather than
 * a test that passes against a host that does not exist.
 *
 * A proxy class declares the members of its Office class it models with
 * `implements Modelled<Excel.Range, "getCell" | "format" | ...>`: a method must take what
 * Office's takes; what it returns is the fake's own proxy (a full `Excel.Range` it is not).
 * Scalar properties are declared by `defineProps<Excel.Range>(...)` (proxy.ts), whose table
 * may name only properties of that class, with getters and setters of Office's value type.
 */

/** The members K of Office's class T: methods with Office's parameters, other members of any type. */
export type Modelled<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : unknown;
};

/** The names of T's members that are not methods (its properties, scalar or navigation). */
export type PropertyNames<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];
