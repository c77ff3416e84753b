/**
 * Numbers compared exactly, as the law reads them: a bureau's "89.995%" is 89995/100000, not the nearest
 * binary fraction, and 999,999,999 of 1,000,000,000 is not 100%. A rational of two BigInts, always reduced.
 */
export interface Exact {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function exact(num: bigint, den: bigint = 1n): Exact {
  if (den === 0n) throw new RangeError('exact: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** "89.995", "0.935", "1e-2" → the rational it denotes; undefined for anything else. */
export function exactFromDecimal(text: string): Exact | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  let num = BigInt(`${whole || '0'}${fraction}`) * (sign === '-' ? -1n : 1n);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return exact(num, den);
}

/** A finite number as the decimal it prints as: the shortest text that reads back as the same number. */
export function exactOf(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`exact: ${value} is not finite`);
  return exactFromDecimal(String(value)) as Exact;
}

export function exactRatio(numerator: number, denominator: number): Exact {
  return exact(BigInt(numerator), BigInt(denominator));
}

export function isExact(value: unknown): value is Exact {
  return typeof value === 'object' && value !== null && typeof (value as Exact).num === 'bigint' && typeof (value as Exact).den === 'bigint';
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compareExact(a: Exact, b: Exact): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function toNumber(value: Exact): number {
  return Number(value.num) / Number(value.den);
}

export function divided(value: Exact, by: Exact): Exact {
  return exact(value.num * by.den, value.den * by.num);
}

export function scaled(value: Exact, factor: bigint): Exact {
  return exact(value.num * factor, value.den);
}

/** The decimal digits of a rational that terminates within `maxDigits`, else undefined. */
export function terminatingDecimal(value: Exact, maxDigits = 30): string | undefined {
  let den = value.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) [den, twos] = [den / 2n, twos + 1];
  while (den % 5n === 0n) [den, fives] = [den / 5n, fives + 1];
  const digits = Math.max(twos, fives);
  if (den !== 1n || digits > maxDigits) return undefined;
  return fixed(value, digits);
}

/** The rational rounded half away from zero to `digits` decimals, trailing zeros dropped. */
export function fixed(value: Exact, digits: number): string {
  const unit = 10n ** BigInt(digits);
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const rounded = (magnitude * unit * 2n + value.den) / (value.den * 2n);
  const whole = rounded / unit;
  const fraction = (rounded % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A figure as a person reads it, never rounded across its threshold: shown exactly when it terminates,
 * else rounded with as many decimals as it takes for the shown figure to compare with the threshold as the
 * figure itself does, marked as approximate (`≈`).
 */
export function displayDecimal(value: Exact, threshold?: Exact): string {
  const whole = terminatingDecimal(value);
  if (whole !== undefined) return whole;
  for (let digits = 2; digits <= 20; digits++) {
    const shown = fixed(value, digits);
    if (!threshold) return `≈${shown}`;
    const back = exactFromDecimal(shown) as Exact;
    if (compareExact(back, threshold) === compareExact(value, threshold)) return `≈${shown}`;
  }
  return `≈${fixed(value, 20)}`;
}
