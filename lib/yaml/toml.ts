/** TOML as Helm's toToml/fromToml print and read it (BurntSushi/toml v1.6.0). */
import type { GoMap, GoValue } from '../go';

/** toToml is Helm's toToml (BurntSushi encoder; the error text on failure). */
export function toToml(_v: GoValue): string {
  throw new Error('lib/yaml: toToml is not implemented yet');
}

/** fromToml is Helm's fromToml (TOML ints as int64; `map[Error:…]` on failure). */
export function fromToml(_s: string): GoMap {
  throw new Error('lib/yaml: fromToml is not implemented yet');
}
