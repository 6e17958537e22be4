/** Sprig's reflection functions (`reflect.go`): Go type and kind names of values. */
import { goTypeName } from '../go';
import { deepEqual, kindOf, strArg } from './cast';
import { type FuncMap, goFunc } from './func';

/** reflectFuncs returns typeOf, typeIs, typeIsLike, kindOf, kindIs and deepEqual. */
export function reflectFuncs(): FuncMap {
  const A = 'interface {}' as const;
  const S = 'string' as const;
  return {
    typeOf: goFunc('typeOf', [A], (v) => goTypeName(v)),
    typeIs: goFunc('typeIs', [S, A], (t, v) => strArg(t) === goTypeName(v)),
    typeIsLike: goFunc('typeIsLike', [S, A], (t, v) => {
      const name = goTypeName(v);
      return strArg(t) === name || `*${strArg(t)}` === name;
    }),
    kindOf: goFunc('kindOf', [A], (v) => kindOf(v)),
    kindIs: goFunc('kindIs', [S, A], (t, v) => strArg(t) === kindOf(v)),
    deepEqual: goFunc('deepEqual', [A, A], (a, b) => deepEqual(a, b)),
  };
}
