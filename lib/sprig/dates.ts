/**
 * Sprig's date functions with Go's `time` semantics: layouts (`2006-01-02T15:04:05Z07:00`),
 * `time.Time` printing (`2024-02-03 00:00:00 +0000 UTC`), durations (`1h2m3s`), IANA zones through
 * Intl. "Local" is the injected time zone (default UTC); the clock is injected too.
 */
import { GoError, type GoFuncValue, GoInt, GoNamedInt, GoObject, type GoValue, quoteString } from '../go';
import { intArg, strArg } from './cast';
import { type FuncMap, goFunc, type SprigEnv } from './func';

const NS_PER_MS = 1_000_000n;
const SECOND = 1_000_000_000n;
/** ZERO_TIME_NS is Go's zero time (January 1, year 1, 00:00:00 UTC) in Unix nanoseconds. */
const ZERO_TIME_NS = -62135596800n * SECOND;

/** floorDiv divides rounding toward negative infinity, as Go's Unix* methods do. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** FIXED prefixes a fixed zone: offset in seconds and an optional name (`Fixed:19800`, `Fixed:0:PST`). */
const FIXED = 'Fixed:';

/** zoneInfo returns the UTC offset in seconds and the abbreviation of a zone at an instant. */
function zoneInfo(zone: string, ms: number): { offset: number; abbr: string } {
  if (zone === 'UTC') return { offset: 0, abbr: 'UTC' };
  if (zone.startsWith(FIXED)) {
    const [off, name] = zone.slice(FIXED.length).split(':') as [string, string | undefined];
    const offset = Number(off);
    if (name) return { offset, abbr: name };
    // Go: a zone without a name (time.FixedZone("", off)) prints its offset as -0700.
    const a = Math.abs(offset);
    const hhmm = `${String(Math.floor(a / 3600)).padStart(2, '0')}${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
    return { offset, abbr: `${offset < 0 ? '-' : '+'}${hhmm}` };
  }
  const { offset, name } = zoneOffset(zone, ms);
  return { offset, abbr: abbreviation(zone, ms, offset, name) };
}

/**
 * ZONE_ABBRS lists tz database abbreviations (standard, then daylight) of common zones, which Go
 * prints for `MST` and which Intl does not provide reliably. Each line: abbreviations, then zones.
 */
const ZONE_ABBRS = `
CET CEST: Europe/Paris Europe/Berlin Europe/Madrid Europe/Rome Europe/Amsterdam Europe/Brussels Europe/Vienna Europe/Zurich Europe/Stockholm Europe/Oslo Europe/Copenhagen Europe/Warsaw Europe/Prague Europe/Budapest Europe/Belgrade Europe/Zagreb Europe/Ljubljana Europe/Bratislava Europe/Luxembourg Europe/Monaco Europe/Malta Europe/Andorra Europe/Tirane Europe/Sarajevo Europe/Skopje Europe/Podgorica Europe/Gibraltar Europe/Vaduz Europe/San_Marino Europe/Vatican Europe/Busingen Africa/Ceuta Arctic/Longyearbyen
CET: Africa/Tunis Africa/Algiers
EET EEST: Europe/Athens Europe/Helsinki Europe/Kyiv Europe/Kiev Europe/Riga Europe/Tallinn Europe/Vilnius Europe/Sofia Europe/Bucharest Europe/Chisinau Europe/Mariehamn Europe/Uzhgorod Europe/Zaporozhye Asia/Beirut Asia/Nicosia Europe/Nicosia Asia/Famagusta Africa/Cairo
EET: Africa/Tripoli Europe/Kaliningrad
WET WEST: Europe/Lisbon Atlantic/Madeira Atlantic/Canary Atlantic/Faroe
GMT BST: Europe/London Europe/Jersey Europe/Guernsey Europe/Isle_of_Man Europe/Belfast
GMT IST: Europe/Dublin
MSK: Europe/Moscow Europe/Simferopol Europe/Kirov Europe/Volgograd
GMT: GMT Etc/GMT Africa/Abidjan Africa/Accra Africa/Dakar Africa/Bamako Africa/Monrovia Atlantic/Reykjavik Africa/Ouagadougou Africa/Conakry Africa/Freetown Africa/Lome Africa/Nouakchott Africa/Banjul Africa/Bissau Atlantic/St_Helena
UTC: Etc/UTC Etc/Universal Etc/Zulu Universal Zulu UCT Etc/UCT
WAT: Africa/Lagos Africa/Kinshasa Africa/Luanda Africa/Douala Africa/Libreville Africa/Malabo Africa/Niamey Africa/Ndjamena Africa/Porto-Novo Africa/Bangui Africa/Brazzaville
CAT: Africa/Maputo Africa/Harare Africa/Lusaka Africa/Lubumbashi Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Kigali Africa/Windhoek Africa/Juba Africa/Khartoum
EAT: Africa/Nairobi Africa/Addis_Ababa Africa/Dar_es_Salaam Africa/Kampala Africa/Mogadishu Africa/Djibouti Africa/Asmara Indian/Antananarivo Indian/Comoro Indian/Mayotte
SAST: Africa/Johannesburg Africa/Maseru Africa/Mbabane
EST EDT: America/New_York America/Detroit America/Toronto America/Montreal America/Nassau America/Iqaluit America/Indiana/Indianapolis America/Indianapolis America/Kentucky/Louisville America/Louisville US/Eastern EST5EDT
CST CDT: America/Chicago America/Winnipeg America/Matamoros America/Indiana/Knox America/Menominee America/North_Dakota/Center America/Havana US/Central CST6CDT
MST MDT: America/Denver America/Edmonton America/Boise America/Ciudad_Juarez US/Mountain MST7MDT
PST PDT: America/Los_Angeles America/Vancouver America/Tijuana US/Pacific PST8PDT
AKST AKDT: America/Anchorage America/Juneau America/Sitka America/Nome America/Yakutat US/Alaska
HST HDT: America/Adak
AST ADT: America/Halifax America/Glace_Bay America/Moncton America/Goose_Bay Atlantic/Bermuda America/Thule
NST NDT: America/St_Johns
EST: America/Jamaica America/Panama America/Cancun EST
CST: America/Mexico_City America/Regina America/Guatemala America/Costa_Rica America/El_Salvador America/Tegucigalpa America/Managua America/Belize America/Monterrey America/Merida America/Bahia_Banderas Asia/Shanghai Asia/Chongqing Asia/Harbin Asia/Macau Asia/Taipei PRC ROC
MST: America/Phoenix America/Whitehorse America/Dawson_Creek America/Hermosillo America/Mazatlan America/Creston MST
HST: Pacific/Honolulu US/Hawaii HST
AST: America/Puerto_Rico America/Santo_Domingo America/Barbados America/Martinique America/Port_of_Spain
JST: Asia/Tokyo Japan
KST: Asia/Seoul Asia/Pyongyang ROK
HKT: Asia/Hong_Kong Hongkong
PST: Asia/Manila
WIB: Asia/Jakarta Asia/Pontianak
WITA: Asia/Makassar
WIT: Asia/Jayapura
PKT: Asia/Karachi
IST: Asia/Kolkata Asia/Calcutta
IST IDT: Asia/Jerusalem Asia/Tel_Aviv Israel
AEST AEDT: Australia/Sydney Australia/Melbourne Australia/Hobart Australia/Canberra Australia/ACT Australia/NSW Australia/Victoria Australia/Tasmania
AEST: Australia/Brisbane Australia/Lindeman Australia/Queensland
ACST ACDT: Australia/Adelaide Australia/Broken_Hill Australia/South
ACST: Australia/Darwin Australia/North
AWST: Australia/Perth Australia/West
NZST NZDT: Pacific/Auckland NZ
ChST: Pacific/Guam Pacific/Saipan
SST: Pacific/Pago_Pago Pacific/Midway
`;

let abbrTable: Map<string, string[]> | undefined;

function zoneAbbrs(zone: string): string[] | undefined {
  if (!abbrTable) {
    abbrTable = new Map();
    for (const line of ZONE_ABBRS.trim().split('\n')) {
      const [abbrs, zones] = line.split(': ') as [string, string];
      for (const z of zones.split(' ')) abbrTable.set(z, abbrs.split(' '));
    }
  }
  return abbrTable.get(zone);
}

/** abbreviation returns the name Go prints for a zone at an instant (tz database abbreviations). */
function abbreviation(zone: string, ms: number, offset: number, intlName: string): string {
  const known = zoneAbbrs(zone);
  if (known) {
    if (known.length === 1) return known[0]!;
    // The daylight abbreviation goes with the larger of the year's two offsets.
    const year = new Date(ms).getUTCFullYear();
    const jan = zoneOffset(zone, Date.UTC(year, 0, 1)).offset;
    const jul = zoneOffset(zone, Date.UTC(year, 6, 1)).offset;
    return offset === Math.max(jan, jul) && jan !== jul ? known[1]! : known[0]!;
  }
  if (/^[A-Z]{3,5}$/.test(intlName) && (zone.startsWith('America/') || zone.startsWith('US/')))
    return intlName;
  // Go (tz database): zones without a letter abbreviation print their offset (`+0530`, `-03`).
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, '0');
  return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** zoneOffset returns a zone's UTC offset in seconds at an instant, and Intl's short name for it. */
function zoneOffset(zone: string, ms: number): { offset: number; name: string } {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    formatters.set(zone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = new Date(0);
  local.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  local.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
  return {
    offset: Math.round((local.getTime() - Math.floor(ms / 1000) * 1000) / 1000),
    name: parts.timeZoneName ?? '',
  };
}

/**
 * wallToInstant returns the instant (Unix ms) at which a zone's clocks read `wallMs` (a wall clock
 * written as if it were UTC): the zone's offset at the wall time as a first guess, then at that guess.
 */
function wallToInstant(zone: string, wallMs: number): number {
  const guess = wallMs - zoneInfo(zone, wallMs).offset * 1000;
  return wallMs - zoneInfo(zone, guess).offset * 1000;
}

/** validZone reports whether Intl knows an IANA zone name. */
function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** GoTime is a Go `time.Time`: an instant (Unix nanoseconds) in a location. */
export class GoTime extends GoObject {
  readonly goType = 'time.Time';
  constructor(
    /** ns is nanoseconds since the Unix epoch. */
    readonly ns: bigint,
    /** zone is the IANA name of the location ("UTC" for UTC). */
    readonly zone: string,
    /** monotonic is the `m=±…` reading `now` prints, or undefined. */
    readonly monotonic?: string,
    /** local is true when the location is Go's `time.Local` (whatever zone that is). */
    readonly local = false,
  ) {
    super();
  }

  /** fromDate makes a time from a JS Date in a zone. */
  static fromDate(d: Date, zone: string): GoTime {
    return new GoTime(BigInt(d.getTime()) * NS_PER_MS, zone);
  }

  /** unix returns whole seconds since the epoch (floor, as Go's Unix()). */
  unix(): bigint {
    return floorDiv(this.ns, SECOND);
  }

  /** fields returns the calendar fields of the time in its zone. */
  fields(): {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    nanos: number;
    weekday: number;
    yday: number;
    offset: number;
    abbr: string;
  } {
    const sec = this.unix();
    const nanos = Number(this.ns - sec * SECOND);
    const ms = Number(sec) * 1000;
    const { offset, abbr } = zoneInfo(this.zone, ms);
    const d = new Date(ms + offset * 1000);
    const start = Date.UTC(d.getUTCFullYear(), 0, 1);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      nanos,
      weekday: d.getUTCDay(),
      yday: Math.floor((d.getTime() - start) / 86400000) + 1,
      offset,
      abbr,
    };
  }

  /**
   * addDate is Go's AddDate: the wall clock in the time's zone moved by years, months and days, with
   * overflow normalised (October 31 + 1 month is December 1), then read back in that zone.
   */
  addDate(years: number, months: number, days: number): GoTime {
    const f = this.fields();
    const wall = new Date(0);
    wall.setUTCFullYear(f.year + years, f.month - 1 + months, f.day + days);
    wall.setUTCHours(f.hour, f.minute, f.second, 0);
    const ms = wallToInstant(this.zone, wall.getTime());
    return new GoTime(BigInt(ms) * NS_PER_MS + BigInt(f.nanos), this.zone, undefined, this.local);
  }

  /** in returns the same instant in another zone. */
  in(zone: string): GoTime {
    return new GoTime(this.ns, zone);
  }

  override string(): string {
    const s = formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    return this.monotonic ? `${s} ${this.monotonic}` : s;
  }

  /**
   * goString is Go's Time.GoString (`%#v`): `time.Date(2024, time.May, 6, 0, 0, 0, 0, time.Local)`,
   * the location `time.UTC`, `time.Local` or `time.Location("name")`; no monotonic reading.
   */
  override goString(): string {
    const f = this.fields();
    let loc: string;
    if (this.local) loc = 'time.Local';
    else if (this.zone === 'UTC') loc = 'time.UTC';
    else {
      // A fixed zone is `Fixed:<offset>` (nameless) or `Fixed:<offset>:<name>`.
      const fixed = this.zone.startsWith(FIXED) ? this.zone.slice(FIXED.length) : undefined;
      const name =
        fixed === undefined ? this.zone : fixed.includes(':') ? fixed.slice(fixed.indexOf(':') + 1) : '';
      loc = `time.Location(${quoteString(name)})`;
    }
    const month = `time.${MONTHS[f.month - 1]}`;
    return `time.Date(${f.year}, ${month}, ${f.day}, ${f.hour}, ${f.minute}, ${f.second}, ${f.nanos}, ${loc})`;
  }

  override format(): string {
    return this.string();
  }

  override toJSONValue(): GoValue {
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }

  override method(name: string): GoFuncValue | undefined {
    const methods: Record<string, () => GoValue> = {
      Unix: () => new GoInt(this.unix(), 'int64'),
      UnixNano: () => new GoInt(this.ns, 'int64'),
      Year: () => new GoInt(BigInt(this.fields().year)),
      YearDay: () => new GoInt(BigInt(this.fields().yday)),
      Day: () => new GoInt(BigInt(this.fields().day)),
      Hour: () => new GoInt(BigInt(this.fields().hour)),
      Minute: () => new GoInt(BigInt(this.fields().minute)),
      Second: () => new GoInt(BigInt(this.fields().second)),
      Nanosecond: () => new GoInt(BigInt(this.fields().nanos)),
      UnixMilli: () => new GoInt(floorDiv(this.ns, NS_PER_MS), 'int64'),
      UnixMicro: () => new GoInt(floorDiv(this.ns, 1000n), 'int64'),
      Month: () => {
        const month = this.fields().month;
        return new GoNamedInt(BigInt(month), 'time.Month', MONTHS[month - 1]!);
      },
      Weekday: () => {
        const day = this.fields().weekday;
        return new GoNamedInt(BigInt(day), 'time.Weekday', DAYS[day]!);
      },
      IsZero: () => this.ns === ZERO_TIME_NS,
      String: () => this.string(),
      UTC: () => this.in('UTC'),
    };
    const m = methods[name];
    if (m) return goFunc(name, [], m);
    if (name === 'Format') return goFunc('Format', ['string'], (l) => formatTime(this, strArg(l)));
    if (name === 'AddDate') {
      return goFunc('AddDate', ['int', 'int', 'int'], (y, mo, d) =>
        this.addDate(intArg(y), intArg(mo), intArg(d)),
      );
    }
    return undefined;
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Layout tokens in the order Go's nextStdChunk recognises them (longest first where prefixes collide). */
const TOKENS = [
  'January',
  'Jan',
  'Monday',
  'Mon',
  'MST',
  '2006',
  '2',
  '_2',
  '__2',
  '002',
  '01',
  '02',
  '06',
  '03',
  '04',
  '05',
  '1',
  '15',
  '3',
  '4',
  '5',
  'PM',
  'pm',
  'Z070000',
  'Z07:00:00',
  'Z0700',
  'Z07:00',
  'Z07',
  '-070000',
  '-07:00:00',
  '-0700',
  '-07:00',
  '-07',
];

type Chunk = { lit: string } | { tok: string };

/** splitLayout splits a Go layout into literal text and std tokens (time.nextStdChunk's rules). */
function splitLayout(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = '';
  let i = 0;
  const flush = () => {
    if (lit) out.push({ lit });
    lit = '';
  };
  while (i < layout.length) {
    const r = layout.slice(i);
    let tok: string | undefined;
    const c = layout[i]!;
    if (c === 'J' && r.startsWith('Jan')) tok = r.startsWith('January') ? 'January' : 'Jan';
    else if (c === 'M' && r.startsWith('Mon')) tok = r.startsWith('Monday') ? 'Monday' : 'Mon';
    else if (c === 'M' && r.startsWith('MST')) tok = 'MST';
    else if (c === '0' && /^0[1-6]/.test(r)) tok = r.slice(0, 2);
    else if (c === '0' && r.startsWith('002')) tok = '002';
    else if (c === '1') tok = r.startsWith('15') ? '15' : '1';
    else if (c === '2') tok = r.startsWith('2006') ? '2006' : '2';
    else if (c === '_' && r.startsWith('_2')) {
      if (r.startsWith('_2006')) {
        lit += '_';
        i++;
        continue;
      }
      tok = '_2';
    } else if (c === '_' && r.startsWith('__2')) tok = '__2';
    else if (c === '3' || c === '4' || c === '5') tok = c;
    else if (c === 'P' && r.startsWith('PM')) tok = 'PM';
    else if (c === 'p' && r.startsWith('pm')) tok = 'pm';
    else if (c === '-' || c === 'Z') {
      for (const t of ['070000', '07:00:00', '0700', '07:00', '07']) {
        if (r.startsWith(c + t)) {
          tok = c + t;
          break;
        }
      }
    } else if ((c === '.' || c === ',') && /^[.,](0+|9+)/.test(r)) {
      const m = /^[.,](0+|9+)/.exec(r)!;
      const next = layout[i + m[0].length];
      if (next === undefined || !/[0-9]/.test(next)) tok = m[0];
    }
    if (tok && TOKENS.includes(tok.replace(/^[.,]/, '')) === false && !/^[.,]/.test(tok)) tok = undefined;
    if (tok) {
      flush();
      out.push({ tok });
      i += tok.length;
    } else {
      lit += c;
      i++;
    }
  }
  flush();
  return out;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function formatOffset(tok: string, offset: number): string {
  if (tok.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = pad(Math.floor(a / 3600), 2);
  const mm = pad(Math.floor((a % 3600) / 60), 2);
  const ss = pad(a % 60, 2);
  const t = tok.slice(1);
  switch (t) {
    case '07':
      return sign + hh;
    case '0700':
      return sign + hh + mm;
    case '07:00':
      return `${sign}${hh}:${mm}`;
    case '070000':
      return sign + hh + mm + ss;
    default:
      return `${sign}${hh}:${mm}:${ss}`;
  }
}

/** formatTime is Time.Format with a Go layout. */
export function formatTime(t: GoTime, layout: string): string {
  const f = t.fields();
  let out = '';
  for (const ch of splitLayout(layout)) {
    if ('lit' in ch) {
      out += ch.lit;
      continue;
    }
    const tok = ch.tok;
    switch (tok) {
      case 'January':
        out += MONTHS[f.month - 1];
        break;
      case 'Jan':
        out += MONTHS[f.month - 1]!.slice(0, 3);
        break;
      case 'Monday':
        out += DAYS[f.weekday];
        break;
      case 'Mon':
        out += DAYS[f.weekday]!.slice(0, 3);
        break;
      case 'MST':
        out += f.abbr;
        break;
      case '2006':
        out += pad(f.year, 4);
        break;
      case '06':
        out += pad(f.year % 100, 2);
        break;
      case '01':
        out += pad(f.month, 2);
        break;
      case '1':
        out += String(f.month);
        break;
      case '02':
        out += pad(f.day, 2);
        break;
      case '2':
        out += String(f.day);
        break;
      case '_2':
        out += String(f.day).padStart(2, ' ');
        break;
      case '__2':
        out += String(f.yday).padStart(3, ' ');
        break;
      case '002':
        out += pad(f.yday, 3);
        break;
      case '15':
        out += pad(f.hour, 2);
        break;
      case '03':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, 2);
        break;
      case '3':
        out += String(f.hour % 12 === 0 ? 12 : f.hour % 12);
        break;
      case '04':
        out += pad(f.minute, 2);
        break;
      case '4':
        out += String(f.minute);
        break;
      case '05':
        out += pad(f.second, 2);
        break;
      case '5':
        out += String(f.second);
        break;
      case 'PM':
        out += f.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += f.hour >= 12 ? 'pm' : 'am';
        break;
      default:
        if (tok[0] === '.' || tok[0] === ',') {
          const digits = tok.length - 1;
          const frac = pad(f.nanos, 9).slice(0, digits);
          if (tok[1] === '0') out += tok[0] + frac;
          else {
            const trimmed = pad(f.nanos, 9).slice(0, digits).replace(/0+$/, '');
            if (trimmed) out += tok[0] + trimmed;
          }
        } else out += formatOffset(tok, f.offset);
    }
  }
  return out;
}

/** skipLiteral is time's skip: layout text must match, a run of spaces matching any run of spaces. */
function skipLiteral(value: string, literal: string, fail: () => never): string {
  let v = value;
  let p = literal;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') fail();
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) fail();
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

/** parseTime is time.ParseInLocation for the common layout tokens; throws GoError like Go. */
export function parseTime(layout: string, value: string, zone: string): GoTime {
  const fail = (elem: string, rest: string, extra = ''): never => {
    throw new GoError(
      `parsing time ${quoteString(value)} as ${quoteString(layout)}: cannot parse ${quoteString(rest)} as ${quoteString(elem)}${extra}`,
    );
  };
  let v = value;
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nanos = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  let isZ = false;
  let zoneName = '';
  const num = (tok: string, min2: number, max2: number): number => {
    const m = new RegExp(`^\\d{${min2},${max2}}`).exec(v);
    if (!m) return fail(tok, v);
    v = v.slice(m[0].length);
    return Number(m[0]);
  };
  const chunks = splitLayout(layout);
  for (let ci = 0; ci < chunks.length; ci++) {
    const ch = chunks[ci]!;
    if ('lit' in ch) {
      v = skipLiteral(v, ch.lit, () => fail(ch.lit, v));
      continue;
    }
    const tok = ch.tok;
    const before = v;
    switch (tok) {
      case '2006':
        year = num(tok, 4, 4);
        break;
      case '06':
        year = num(tok, 2, 2);
        year += year >= 69 ? 1900 : 2000;
        break;
      case '01':
        month = num(tok, 2, 2);
        if (month < 1 || month > 12)
          throw new GoError(`parsing time ${quoteString(value)}: month out of range`);
        void before;
        break;
      case '1':
        month = num(tok, 1, 2);
        break;
      case 'January':
      case 'Jan': {
        const names = tok === 'Jan' ? MONTHS.map((m) => m.slice(0, 3)) : MONTHS;
        const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
        if (i < 0) fail(tok, v);
        month = i + 1;
        v = v.slice(names[i]!.length);
        break;
      }
      case 'Monday':
      case 'Mon': {
        const names = tok === 'Mon' ? DAYS.map((d) => d.slice(0, 3)) : DAYS;
        const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
        if (i < 0) fail(tok, v);
        v = v.slice(names[i]!.length);
        break;
      }
      case '02':
        day = num(tok, 2, 2);
        break;
      case '2':
      case '_2':
        if (tok === '_2' && v.startsWith(' ')) v = v.slice(1);
        day = num(tok, 1, 2);
        break;
      case '15':
        hour = num(tok, 2, 2);
        break;
      case '03':
      case '3':
        hour = num(tok, tok === '3' ? 1 : 2, 2);
        break;
      case '04':
      case '4':
        min = num(tok, tok === '4' ? 1 : 2, 2);
        break;
      case '05':
      case '5': {
        sec = num(tok, tok === '5' ? 1 : 2, 2);
        // Go: a fraction after the seconds is read here unless the layout has its own element.
        const next = chunks[ci + 1];
        const layoutHasFraction = next !== undefined && 'tok' in next && /^[.,]/.test(next.tok);
        if (!layoutHasFraction && /^[.,]\d/.test(v)) {
          const m = /^[.,](\d+)/.exec(v)!;
          nanos = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
          v = v.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const m = /^(AM|PM|am|pm)/.exec(v);
        if (!m) fail(tok, v);
        pm = m![1]!.toUpperCase() === 'PM';
        v = v.slice(2);
        break;
      }
      case 'MST': {
        const m = /^[A-Z]{3,5}|^UTC/.exec(v);
        if (!m) fail(tok, v);
        if (m![0] === 'UTC') {
          offset = 0;
          isZ = true;
        } else zoneName = m![0];
        v = v.slice(m![0].length);
        break;
      }
      default:
        if (tok[0] === '.' || tok[0] === ',') {
          if (tok[1] === '0') {
            // Go: `.000` takes exactly that many digits.
            const m = new RegExp(`^[.,](\\d{${tok.length - 1}})`).exec(v);
            if (!m) fail(tok, v);
            nanos = Number(m![1]!.slice(0, 9).padEnd(9, '0'));
            v = v.slice(m![0].length);
          } else {
            // Go: `.999` is optional and takes any number of digits.
            const m = /^[.,](\d+)/.exec(v);
            if (m) {
              nanos = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
              v = v.slice(m[0].length);
            }
          }
        } else {
          if (tok[0] === 'Z' && v.startsWith('Z')) {
            offset = 0;
            isZ = true;
            v = v.slice(1);
            break;
          }
          const m = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(v);
          if (!m) fail(tok, v);
          offset =
            (m![1] === '-' ? -1 : 1) * (Number(m![2]) * 3600 + Number(m![3] ?? 0) * 60 + Number(m![4] ?? 0));
          v = v.slice(m![0].length);
        }
    }
  }
  if (v !== '') throw new GoError(`parsing time ${quoteString(value)}: extra text: ${quoteString(v)}`);
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12;
    else if (!pm && hour === 12) hour = 0;
  }
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw new GoError(`parsing time ${quoteString(value)}: day out of range`);
  }
  const wall = Date.UTC(year, month - 1, day, hour, min, sec) + (year < 100 ? 0 : 0);
  const wallDate = new Date(wall);
  if (year < 100) wallDate.setUTCFullYear(year);
  const wallMs = wallDate.getTime();
  let ms: number;
  let z = zone;
  if (offset === undefined && zoneName !== '') {
    // Go: a zone abbreviation the location uses at that time selects it; any other makes a fixed
    // zone of that name with offset 0.
    const local = zoneInfo(zone, wallMs - zoneInfo(zone, wallMs).offset * 1000);
    if (local.abbr === zoneName) {
      ms = wallMs - local.offset * 1000;
    } else {
      ms = wallMs;
      z = `${FIXED}0:${zoneName}`;
    }
  } else if (offset !== undefined) {
    ms = wallMs - offset * 1000;
    // Go: `Z` is UTC; an offset matching the location's keeps it; any other is a nameless fixed zone.
    if (isZ) z = 'UTC';
    else if (offset !== zoneInfo(zone, ms).offset) z = `${FIXED}${offset}`;
  } else {
    ms = wallToInstant(zone, wallMs);
  }
  // Go: the location stays time.Local unless `Z` or another zone replaced it.
  return new GoTime(BigInt(ms) * NS_PER_MS + BigInt(nanos), z, undefined, z === zone && !isZ);
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: SECOND,
  m: 60n * SECOND,
  h: 3600n * SECOND,
};

/** parseDuration is time.ParseDuration; throws GoError with Go's messages. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const quoted = quoteString(orig);
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw new GoError(`time: invalid duration ${quoted}`);
  let totalNs = 0n;
  while (s !== '') {
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    if (m[1] === '' && (m[3] ?? '') === '') throw new GoError(`time: invalid duration ${quoted}`);
    s = s.slice(m[0].length);
    const u = /^[^0-9.]+/.exec(s);
    if (!u) throw new GoError(`time: missing unit in duration ${quoted}`);
    const unit = UNITS[u[0]];
    if (unit === undefined)
      throw new GoError(`time: unknown unit ${quoteString(u[0])} in duration ${quoted}`);
    s = s.slice(u[0].length);
    const whole = BigInt(m[1] || '0') * unit;
    const fracDigits = m[3] ?? '';
    let frac = 0n;
    if (fracDigits) frac = (BigInt(fracDigits) * unit) / 10n ** BigInt(fracDigits.length);
    totalNs += whole + frac;
    if (totalNs > (1n << 63n) - 1n) throw new GoError(`time: invalid duration ${quoted}`);
  }
  return neg ? -totalNs : totalNs;
}

/** formatDuration is time.Duration.String (`1h2m3.5s`, `1.5µs`, `0s`). */
export function formatDuration(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  const fracStr = (v: bigint, digits: number) => {
    const s = String(v).padStart(digits + 1, '0');
    const int = s.slice(0, s.length - digits);
    const frac = s.slice(s.length - digits).replace(/0+$/, '');
    return frac ? `${int}.${frac}` : int;
  };
  if (u < SECOND) {
    if (u < 1000n) out = `${u}ns`;
    else if (u < 1_000_000n) out = `${fracStr(u, 3)}µs`;
    else out = `${fracStr(u, 6)}ms`;
  } else {
    const h = u / (3600n * SECOND);
    u -= h * 3600n * SECOND;
    const m = u / (60n * SECOND);
    u -= m * 60n * SECOND;
    out = `${fracStr(u, 9)}s`;
    if (h > 0n) out = `${h}h${m}m${out}`;
    else if (m > 0n) out = `${m}m${out}`;
  }
  return neg ? `-${out}` : out;
}

/** roundDuration is Duration.Round(m) (halves away from zero). */
function roundDuration(d: bigint, m: bigint): bigint {
  let r = d % m;
  if (d < 0n) {
    r = -r;
    return r + r < m ? d + r : d + r - m;
  }
  return r + r < m ? d - r : d + m - r;
}

function resolveZone(env: SprigEnv, zone: string): string {
  if (zone === '' || zone === 'UTC') return 'UTC';
  if (zone === 'Local') return env.timeZone;
  return validZone(zone) ? zone : 'UTC';
}

function asTime(env: SprigEnv, v: GoValue, allowInt32 = true): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof GoInt && (v.type === 'int64' || v.type === 'int' || (allowInt32 && v.type === 'int32'))) {
    return new GoTime(v.value * SECOND, env.timeZone, undefined, true);
  }
  return new GoTime(BigInt(env.now().getTime()) * NS_PER_MS, env.timeZone, undefined, true);
}

function requireTime(v: GoValue, fn: string): GoTime {
  if (v instanceof GoTime) return v;
  throw new GoError(`${fn}: expected time.Time`);
}

/** dateFuncs returns sprig's date functions. */
export function dateFuncs(env: SprigEnv): FuncMap {
  const A = 'interface {}' as const;
  const S = 'string' as const;
  const T = 'time.Time' as const;
  const dateInZone = (layout: GoValue, date: GoValue, zone: GoValue) =>
    formatTime(asTime(env, date).in(resolveZone(env, strArg(zone))), strArg(layout));
  const dateModify = (must: boolean) => (d: GoValue, t: GoValue) => {
    const time = requireTime(t, 'dateModify');
    let delta: bigint;
    try {
      delta = parseDuration(strArg(d));
    } catch (e) {
      if (must) throw e;
      return time;
    }
    // Go: Add keeps (and advances) the monotonic reading.
    let mono = time.monotonic;
    if (mono !== undefined) {
      const secs = Number(mono.slice(2)) + Number(delta) / 1e9;
      mono = `m=${secs < 0 ? '-' : '+'}${Math.abs(secs).toFixed(9)}`;
    }
    return new GoTime(time.ns + delta, time.zone, mono, time.local);
  };
  const toDate = (must: boolean) => (l: GoValue, s: GoValue) => {
    try {
      return parseTime(strArg(l), strArg(s), env.timeZone);
    } catch (e) {
      if (must || !(e instanceof GoError)) throw e;
      // Go: the zero time.Time.
      return new GoTime(-62135596800n * SECOND, 'UTC');
    }
  };
  // The monotonic clock starts at the first `now` (the clock is not read while building the map).
  let started: number | undefined;
  const fns: FuncMap = {
    now: goFunc('now', [], () => {
      const d = env.now();
      started ??= d.getTime();
      // Go: time.Now carries a monotonic reading, printed as ` m=+seconds` (since process start).
      const elapsed = Math.max(0, d.getTime() - started) / 1000;
      const ns = BigInt(d.getTime()) * NS_PER_MS;
      return new GoTime(ns, env.timeZone, `m=+${elapsed.toFixed(9)}`, true);
    }),
    date: goFunc('date', [S, A], (l, d) => dateInZone(l, d, 'Local')),
    dateInZone: goFunc('dateInZone', [S, A, S], dateInZone),
    date_in_zone: goFunc('date_in_zone', [S, A, S], dateInZone),
    htmlDate: goFunc('htmlDate', [A], (d) => dateInZone('2006-01-02', d, 'Local')),
    htmlDateInZone: goFunc('htmlDateInZone', [A, S], (d, z) => dateInZone('2006-01-02', d, z)),
    dateModify: goFunc('dateModify', [S, T], dateModify(false)),
    date_modify: goFunc('date_modify', [S, T], dateModify(false)),
    mustDateModify: goFunc('mustDateModify', [S, T], dateModify(true)),
    must_date_modify: goFunc('must_date_modify', [S, T], dateModify(true)),
    ago: goFunc('ago', [A], (d) => {
      const t = asTime(env, d, false);
      const since = BigInt(env.now().getTime()) * NS_PER_MS - t.ns;
      return formatDuration(roundDuration(since, SECOND));
    }),
    duration: goFunc('duration', [A], (v) => {
      let n = 0n;
      if (typeof v === 'string') {
        n = /^[+-]?\d+$/.test(v) ? BigInt(v) : 0n;
        if (n > (1n << 63n) - 1n || n < -(1n << 63n)) n = 0n;
      } else if (v instanceof GoInt && v.type === 'int64') n = v.value;
      return formatDuration(BigInt.asIntN(64, n * SECOND));
    }),
    durationRound: goFunc('durationRound', [A], (v) => {
      let d = 0n;
      if (typeof v === 'string') {
        try {
          d = parseDuration(v);
        } catch {
          d = 0n;
        }
      } else if (v instanceof GoInt && v.type === 'int64') d = v.value;
      else if (v instanceof GoTime) d = BigInt(env.now().getTime()) * NS_PER_MS - v.ns;
      const u = d < 0n ? -d : d;
      const h = 3600n * SECOND;
      const units: [bigint, string][] = [
        [h * 24n * 365n, 'y'],
        [h * 24n * 30n, 'mo'],
        [h * 24n, 'd'],
        [h, 'h'],
        [60n * SECOND, 'm'],
        [SECOND, 's'],
      ];
      for (const [size, name] of units) if (u > size) return `${u / size}${name}`;
      return '0s';
    }),
    toDate: goFunc('toDate', [S, S], toDate(false)),
    mustToDate: goFunc('mustToDate', [S, S], toDate(true)),
    unixEpoch: goFunc('unixEpoch', [T], (t) => String(requireTime(t, 'unixEpoch').unix())),
  };
  return fns;
}
