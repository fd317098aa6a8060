/**
 * Engine messages about the roll-up through the plan's tree and the measurement rules
 * (src/core/rollup/, src/core/rules/), Italian and English.
 * One domain of the catalogue (./catalogue.ts); placeholders are `{name}`.
 */
import type { Catalogue } from "./catalogue";

export const ROLLUP_MESSAGES = {
  // Roll-up through the plan's tree (src/core/rollup/).
  ROLLUP_CYCLE: {
    it: "L'albero contiene un ciclo ({cycle}): il legame di {code} con il padre {parent} è ignorato.",
    en: "The tree contains a cycle ({cycle}): the link from {code} to its parent {parent} is ignored.",
  },
  ROLLUP_ORPHAN_KPI: {
    it: "Il codice {code} di {count} KPI non è nell'albero: è riportato come nodo a sé.",
    en: "The code {code} of {count} KPI(s) is not in the tree: it is reported as a node of its own.",
  },
  ROLLUP_ORPHAN_NODE: {
    it: "Il padre {parent} di {code} non è nell'albero: {code} è riportato al primo livello.",
    en: "The parent {parent} of {code} is not in the tree: {code} is reported at the top level.",
  },
  ROLLUP_DUPLICATE_NODE: {
    it: "Il codice {code} compare più volte nell'albero: vale la prima riga.",
    en: "The code {code} appears more than once in the tree: the first row counts.",
  },
  ROLLUP_CHILD_SKIPPED: {
    it: "{child} non ha dati per l'anno: è escluso dalla media di {code} e i pesi sono ripartiti sugli altri.",
    en: "{child} has no data for the year: it is left out of the mean of {code} and the weights are renormalised.",
  },
  ROLLUP_CHILD_ZERO: {
    it: "{child} non ha dati per l'anno: nella media di {code} conta 0.",
    en: "{child} has no data for the year: it counts as 0 in the mean of {code}.",
  },
  ROLLUP_CHILDREN_NO_DATA: {
    it: "Il KPI «{indicator}» di {code} è la media dei nodi figli ({children}), ma nessuno ha dati per l'anno: il KPI risulta mancante.",
    en: "The KPI “{indicator}” of {code} is the mean of its child nodes ({children}), but none has data for the year: the KPI counts as missing.",
  },
  ROLLUP_NO_CHILDREN: {
    it: "Il KPI «{indicator}» di {code} è una media ponderata dei nodi figli, ma {code} non ha figli nell'albero e la cella del valore è vuota: il KPI risulta mancante.",
    en: "The KPI “{indicator}” of {code} is a weighted mean of its child nodes, but {code} has no children in the tree and the value cell is empty: the KPI counts as missing.",
  },
  ROLLUP_MIXED_WEIGHTS: {
    it: "Solo alcuni figli di {code} hanno un peso nell'albero: la media usa pesi uguali.",
    en: "Only some children of {code} have a weight in the tree: the mean uses equal weights.",
  },
  ROLLUP_ZERO_WEIGHTS: {
    it: "I pesi {what} di {code} sommano a 0: la media usa pesi uguali.",
    en: "The weights {what} of {code} add up to 0: the mean uses equal weights.",
  },
  TREE_NO_HEADER: {
    it: "Il foglio {sheet} non ha l'intestazione dell'albero (almeno Codice e Padre): ogni codice dei KPI è un nodo a sé.",
    en: "The sheet {sheet} has no tree header (at least Code and Parent): each KPI code is a node of its own.",
  },
  TREE_BAD_WEIGHT: {
    it: "Il peso «{text}» di {code} nell'albero non è un numero non negativo: ignorato.",
    en: "The weight “{text}” of {code} in the tree is not a non-negative number: ignored.",
  },
  // Measurement rules on the settings sheet (src/core/rules/).
  RULES_UNKNOWN_KEY: {
    it: "Impostazione sconosciuta «{key}»: ignorata (valide: {keys}).",
    en: "Unknown setting “{key}”: ignored (valid: {keys}).",
  },
  RULES_DUPLICATE_KEY: {
    it: "L'impostazione «{key}» compare di nuovo: vale la prima ({first}).",
    en: "The setting “{key}” appears again: the first one ({first}) counts.",
  },
  RULES_BAD_VALUE: {
    it: "«{text}» non è un valore valido per «{key}»: atteso {expected}; vale il predefinito ({default}).",
    en: "“{text}” is not a valid value for “{key}”: expected {expected}; the default ({default}) applies.",
  },
  RULES_BANDS_ORDER: {
    it: "La soglia del rosso ({red}) supera quella del giallo ({amber}): valgono le predefinite ({defaultRed} e {defaultAmber}).",
    en: "The red threshold ({red}) is above the amber one ({amber}): the defaults ({defaultRed} and {defaultAmber}) apply.",
  },
  // The parts of the roll-up's and the settings' messages.
  ROLLUP_WHAT_KPIS: { it: "dei KPI", en: "of the KPIs" },
  ROLLUP_WHAT_CHILDREN: { it: "dei nodi figli", en: "of the child nodes" },
  // The node that gathers KPI rows with no owner code (its code is NO_OWNER_CODE).
  NO_OWNER: { it: "(senza codice)", en: "(no code)" },
  RULES_EITHER: { it: "{first} oppure {second}", en: "{first} or {second}" },
  RULES_EXPECTED_PERCENT: { it: "un numero da 0 a 100", en: "a number from 0 to 100" },
  RULES_EXPECTED_PERCENT_OR_BLANK: { it: "un numero da 0 a 100, oppure vuoto", en: "a number from 0 to 100, or blank" },
  RULES_NO_THRESHOLD: { it: "nessuna", en: "none" },
} as const satisfies Catalogue;
