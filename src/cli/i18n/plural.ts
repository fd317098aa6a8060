/**
 * A count with its singular or plural word, for the CLI's catalogues.
 * @example pl(1, "errore", "errori") // "1 errore"
 * @example pl(2, "error", "errors")  // "2 errors"
 */
export function pl(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
