/**
 * An exact rational number over bigint, always normalised: the fraction is reduced by its gcd and the
 * denominator is positive, so equal values have equal fields (and `toEqual` works in tests).
 * Rates, scores and composites are Ratios; floats appear only when converting for output.
 */
export class Ratio {
  static readonly ZERO: Ratio = new Ratio(0n, 1n);
  static readonly ONE: Ratio = new Ratio(1n, 1n);
  static readonly HUNDRED: Ratio = new Ratio(100n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static of(numerator: bigint, denominator: bigint): Ratio {
    if (denominator === 0n) {
      throw new RangeError('A ratio cannot have a zero denominator');
    }
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = gcd(numerator, denominator);
    return new Ratio((sign * numerator) / divisor, (sign * denominator) / divisor);
  }

  static fromInteger(n: bigint | number): Ratio {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) {
      throw new RangeError(`Not a safe integer: ${n}`);
    }
    return new Ratio(BigInt(n), 1n);
  }

  /** Plain decimal text such as "0.98", "-1.5" or "1"; exact, so "0.878138" stays 878138/1000000. */
  static fromDecimal(text: string): Ratio {
    const match = DECIMAL_TEXT.exec(text.trim());
    if (match === null) {
      throw new SyntaxError(`Not a decimal number: "${text}"`);
    }
    const [, sign, integerDigits, fractionDigits = ''] = match;
    const magnitude = BigInt(integerDigits + fractionDigits);
    return Ratio.of(sign === '-' ? -magnitude : magnitude, 10n ** BigInt(fractionDigits.length));
  }

  /**
   * The decimal a person sees for a finite number: its shortest string form (String(n)), so 0.98 is
   * exactly 49/50 and not the binary double closest to it.
   */
  static fromNumber(n: number): Ratio {
    if (!Number.isFinite(n)) {
      throw new RangeError(`Not a finite number: ${n}`);
    }
    const [mantissa, exponentText] = String(n).split('e');
    const value = Ratio.fromDecimal(mantissa);
    if (exponentText === undefined) {
      return value;
    }
    const exponent = Number(exponentText);
    const power = 10n ** BigInt(Math.abs(exponent));
    return exponent >= 0 ? value.mul(new Ratio(power, 1n)) : value.div(new Ratio(power, 1n));
  }

  add(other: Ratio): Ratio {
    return Ratio.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  sub(other: Ratio): Ratio {
    return this.add(other.negate());
  }

  mul(other: Ratio): Ratio {
    return Ratio.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  div(other: Ratio): Ratio {
    if (other.isZero()) {
      throw new RangeError('Division by zero');
    }
    return Ratio.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negate(): Ratio {
    return new Ratio(-this.numerator, this.denominator);
  }

  compare(other: Ratio): -1 | 0 | 1 {
    // Denominators are positive, so cross-multiplying keeps the order.
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Ratio): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** The nearest double, even when numerator or denominator are far beyond 2^53. */
  toNumber(): number {
    const { numerator, denominator } = this;
    if (abs(numerator) <= MAX_SAFE && denominator <= MAX_SAFE) {
      // Both convert exactly and IEEE division rounds correctly.
      return Number(numerator) / Number(denominator);
    }
    return nearestDouble(numerator, denominator);
  }

  /** Rounded half away from zero to whole hundredths: 87.815 → 8782n. */
  roundToHundredths(): bigint {
    return this.roundToDecimals(2);
  }

  /** Rounded half away from zero to `decimals` places, as a number: 87.815 → 87.82. */
  roundedNumber(decimals = 2): number {
    return Number(this.toFixed(decimals));
  }

  /** Exact decimal text rounded half away from zero (unlike Number#toFixed): 87.815 → "87.82". */
  toFixed(decimals = 2): string {
    const scaled = this.roundToDecimals(decimals);
    const digits = abs(scaled)
      .toString()
      .padStart(decimals + 1, '0');
    const integerPart = digits.slice(0, digits.length - decimals);
    const fractionPart = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
    return `${scaled < 0n ? '-' : ''}${integerPart}${fractionPart}`;
  }

  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }

  private roundToDecimals(decimals: number): bigint {
    if (!Number.isSafeInteger(decimals) || decimals < 0) {
      throw new RangeError(`Decimals must be a non-negative integer, got ${decimals}`);
    }
    const scaled = abs(this.numerator) * 10n ** BigInt(decimals);
    let quotient = scaled / this.denominator;
    if (2n * (scaled % this.denominator) >= this.denominator) {
      quotient += 1n;
    }
    return this.numerator < 0n ? -quotient : quotient;
  }
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/**
 * Divides to a 65–66 bit integer quotient, keeps a sticky bit for any remainder, and lets Number()
 * (which rounds to nearest, ties to even) do the single rounding; then scales by a power of two.
 */
function nearestDouble(numerator: bigint, denominator: bigint): number {
  // Zero never gets here: it is 0/1, which the fast path of toNumber handles.
  const magnitude = abs(numerator);
  const shift = 65 - (bitLength(magnitude) - bitLength(denominator));
  const dividend = shift >= 0 ? magnitude << BigInt(shift) : magnitude;
  const divisor = shift >= 0 ? denominator : denominator << BigInt(-shift);
  const quotient = dividend / divisor;
  const sticky = dividend % divisor === 0n ? 0n : 1n;
  const value = scaleByPowerOfTwo(Number((quotient << 1n) | sticky), -(shift + 1));
  return numerator < 0n ? -value : value;
}

function scaleByPowerOfTwo(value: number, exponent: number): number {
  // 2 ** 1100 is Infinity, so scale in steps that stay inside the double range.
  let result = value;
  let remaining = exponent;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}
