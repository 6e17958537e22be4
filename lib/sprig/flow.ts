/** Sprig's flow-control function `fail` (Helm replaces it with its own; sprig's is kept here). */
import { GoError } from '../go';
import { strArg } from './cast';
import { type FuncMap, goFunc } from './func';

/** flowFuncs returns sprig's `fail`, which returns its message as an error. */
export function flowFuncs(): FuncMap {
  return {
    fail: goFunc('fail', ['string'], (msg) => {
      throw new GoError(strArg(msg));
    }),
  };
}
