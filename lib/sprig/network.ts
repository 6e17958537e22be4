/**
 * Sprig's `getHostByName`. There is no resolver in a browser: an IP literal is returned as is (Go's
 * net.LookupHost does the same without asking DNS); any other name fails the way sprig does when
 * the lookup finds no address (`rand.Intn(0)` panics). Helm replaces this function anyway.
 */
import { GoPanic } from '../go';
import { strArg } from './cast';
import { type FuncMap, goFunc } from './func';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** networkFuncs returns sprig's getHostByName. */
export function networkFuncs(): FuncMap {
  return {
    getHostByName: goFunc('getHostByName', ['string'], (n) => {
      const name = strArg(n);
      if (IPV4.test(name) || (name.includes(':') && /^[0-9a-fA-F:.]+$/.test(name))) return name;
      throw new GoPanic('invalid argument to Intn');
    }),
  };
}
