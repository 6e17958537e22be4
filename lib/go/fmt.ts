/**
 * Go's fmt and strconv formatting of {@link GoValue}s: what `{{ x }}`, `print`, `printf`, `%v`,
 * `%q`, `%T` and sprig's `toString`/`quote` print. (Contract: implementations are filled in by the
 * template engine work; each throws a clear error until then.)
 */
import type { GoValue } from './value';

function unimplemented(name: string): never {
  throw new Error(`lib/go/fmt: ${name} is not implemented yet`);
}

/** formatValue prints a value as `%v` does (fmt.Sprint of one operand); nil prints `<nil>`. */
export function formatValue(_v: GoValue): string {
  return unimplemented('formatValue');
}

/** sprint is fmt.Sprint: operands printed with %v, a space between two operands when neither is a string. */
export function sprint(_args: readonly GoValue[]): string {
  return unimplemented('sprint');
}

/** sprintln is fmt.Sprintln: operands separated by spaces, followed by a newline. */
export function sprintln(_args: readonly GoValue[]): string {
  return unimplemented('sprintln');
}

/** sprintf is fmt.Sprintf with Go's verbs, flags, width, precision and `%!verb(type=value)` errors. */
export function sprintf(_format: string, _args: readonly GoValue[]): string {
  return unimplemented('sprintf');
}

/** quoteString is strconv.Quote: a double-quoted Go string literal with Go's escapes. */
export function quoteString(_s: string): string {
  return unimplemented('quoteString');
}

/** formatFloat is strconv.FormatFloat(v, fmt, prec, bitSize) for fmt in 'e' 'E' 'f' 'g' 'G'. */
export function formatFloat(
  _v: number,
  _fmt: 'e' | 'E' | 'f' | 'g' | 'G',
  _prec: number,
  _bitSize: 32 | 64,
): string {
  return unimplemented('formatFloat');
}
