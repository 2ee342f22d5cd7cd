/**
 * Exact decimals for the figures of a plan. Figures are kept as scaled
 * integers so that sums such as 720,556 + 112,953 = 833,509 are checked
 * exactly, and printed with the precision they were written with ("97,0%").
 */

export interface Fixed {
  /** The value times 10^decimals. */
  scaled: bigint;
  decimals: number;
}

/** Read a figure as written in the data: a number, or a canonical string "97.0". */
export function toFixed(value: number | string): Fixed {
  const text = typeof value === 'number' ? numberToPlain(value) : value;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  const scaled = BigInt(`${m[2]}${fraction}`);
  return { scaled: m[1] ? -scaled : scaled, decimals: fraction.length };
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  // toString gives exponents for very small or large numbers; those are not figures of a plan.
  const s = String(n);
  if (/e/i.test(s)) throw new RangeError(`out of range for a figure: ${n}`);
  return s;
}

export function rescale(f: Fixed, decimals: number): bigint {
  if (decimals < f.decimals) throw new RangeError('rescale would lose digits');
  return f.scaled * 10n ** BigInt(decimals - f.decimals);
}

/** Exact sum, with the precision of the most precise term. */
export function sum(values: Fixed[]): Fixed {
  const decimals = Math.max(0, ...values.map((v) => v.decimals));
  return { scaled: values.reduce((acc, v) => acc + rescale(v, decimals), 0n), decimals };
}

export function equals(a: Fixed, b: Fixed): boolean {
  const d = Math.max(a.decimals, b.decimals);
  return rescale(a, d) === rescale(b, d);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Fixed, b: Fixed): number {
  const d = Math.max(a.decimals, b.decimals);
  const x = rescale(a, d);
  const y = rescale(b, d);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Canonical digits, "1703.274", as read-vietnamese-number and JSON want them. */
export function toCanonical(f: Fixed): string {
  const negative = f.scaled < 0n;
  const digits = (negative ? -f.scaled : f.scaled).toString().padStart(f.decimals + 1, '0');
  const int = digits.slice(0, digits.length - f.decimals);
  const frac = digits.slice(digits.length - f.decimals);
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Vietnamese notation: dot between thousands, comma before decimals: "1.703,274", "0,7"; a count written "02" stays "02". */
export function formatVi(value: Fixed | number | string): string {
  if (typeof value === 'string' && /^0\d+$/.test(value)) return value;
  const f = typeof value === 'object' ? value : toFixed(value);
  const [int, frac] = toCanonical(f).split('.');
  const negative = int.startsWith('-');
  const grouped = groupThousands(negative ? int.slice(1) : int);
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** "1703274" → "1.703.274", in one pass (a look-ahead regex is quadratic in the digits). */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join('.');
}

/** a / b × 100, rounded half away from zero to `decimals` places. */
export function percentOf(a: Fixed, b: Fixed, decimals: number): Fixed {
  const d = Math.max(a.decimals, b.decimals);
  const num = rescale(a, d) * 100n * 10n ** BigInt(decimals);
  const den = rescale(b, d);
  if (den === 0n) throw new RangeError('percentage of zero');
  const q = num / den;
  const r = num % den;
  const roundUp = 2n * (r < 0n ? -r : r) >= (den < 0n ? -den : den);
  const sign = num < 0n !== den < 0n ? -1n : 1n;
  return { scaled: roundUp ? q + sign : q, decimals };
}
