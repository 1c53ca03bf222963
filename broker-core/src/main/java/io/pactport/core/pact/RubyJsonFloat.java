package io.pactport.core.pact;

import java.math.BigInteger;

/**
 * Writes a double exactly as the Pact Broker's JSON generator (the {@code json} gem, 2.15 and later, which the broker
 * requires from 2.120.0 on) writes a Ruby Float.
 *
 * <p>Why not {@link Double#toString}: the gem does not use Ruby's {@code Float#to_s} either. It runs the Grisu2
 * algorithm (Loitsch, "Printing floating-point numbers quickly and accurately with integers", PLDI 2010) with
 * 64-bit arithmetic and a table of cached powers of ten 8 decimal exponents apart. Grisu2 always produces digits
 * that read back as the same double, but not always the shortest or the closest ones: 1e23 comes out as
 * {@code 9.999999999999999e+22}, 1234567890123456.7 stays {@code 1234567890123456.7} where {@code Float#to_s} says
 * {@code ...56.8}. Since these digits are hashed into the pact's SHA, this class repeats that computation step for
 * step, unsigned 64-bit overflow included, and then lays the digits out the way the gem does:
 * <ul>
 *   <li>whole numbers below 10^15 in plain notation with a {@code .0} suffix ({@code 100.0}, {@code 100000000.0});</li>
 *   <li>fractions in plain notation while the decimal exponent is above -7 or the leading digit's exponent is
 *       below 10 ({@code 0.0000001}, {@code 0.0000000015}, {@code 123456789.12345679});</li>
 *   <li>anything else in scientific notation without a {@code .0} and with an unpadded exponent
 *       ({@code 1e+15}, {@code 1.5e+20}, {@code 1e-10}, {@code 5e-324});</li>
 *   <li>{@code 0.0} and {@code -0.0} for zeros.</li>
 * </ul>
 * NaN and the infinities cannot be written (the broker raises {@code GeneratorError}); the parser rejects them first.
 *
 * <p>Older json releases write some floats differently, so brokers running them hash such pacts differently: 2.10
 * to 2.14 (pact-broker-docker up to pact_broker 2.119.0 bundles 2.12.2) switch to scientific notation for whole
 * numbers from about 10^7 ({@code 1e+8}) and write large ones in full ({@code 99999999999999990000000.0}); before
 * 2.10 the gem used {@code Float#to_s} ({@code 1.0e-07}, {@code 1.0e+20}).
 */
final class RubyJsonFloat {

    private static final long FRACTION_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
    private static final long HIDDEN_BIT = 0x0010_0000_0000_0000L;
    private static final int EXPONENT_BIAS = 1023 + 52;

    /** The cached powers of ten: 10^(-348), 10^(-340), ... 10^340, each as a 64-bit significand and exponent. */
    private static final int FIRST_POWER = -348;

    private static final int POWER_STEP = 8;
    private static final int POWER_COUNT = 87;
    private static final long[] POWER_SIGNIFICANDS = new long[POWER_COUNT];
    private static final int[] POWER_EXPONENTS = new int[POWER_COUNT];

    /** The scaled product's exponent is kept in this window so that its integral part fits in 32 bits. */
    private static final int MIN_TARGET_EXPONENT = -60;

    private static final int MAX_TARGET_EXPONENT = -32;

    /** 10^19 down to 10^0; 10^19 does not fit a signed long but its bits are what unsigned arithmetic needs. */
    private static final long[] TENS = new long[20];

    static {
        for (int i = 0; i < POWER_COUNT; i++) {
            cachePowerOfTen(i, FIRST_POWER + i * POWER_STEP);
        }
        BigInteger ten = BigInteger.TEN;
        for (int i = 0; i < TENS.length; i++) {
            TENS[i] = ten.pow(19 - i).longValue();
        }
    }

    private RubyJsonFloat() {}

    /** Rounds 10^decimalExponent to the nearest 64-bit significand with the top bit set, and keeps its exponent. */
    private static void cachePowerOfTen(int index, int decimalExponent) {
        BigInteger power = BigInteger.TEN.pow(Math.abs(decimalExponent));
        BigInteger significand;
        int binaryExponent;
        if (decimalExponent >= 0) {
            binaryExponent = power.bitLength() - 64;
            significand = roundedShiftRight(power, binaryExponent);
        } else {
            // 2^s / 10^n lies in (2^63, 2^64) for s = 63 + bitLength(10^n), as 10^n is not a power of two.
            int scale = 63 + power.bitLength();
            BigInteger[] quotientAndRemainder = BigInteger.ONE.shiftLeft(scale).divideAndRemainder(power);
            significand = quotientAndRemainder[0];
            if (quotientAndRemainder[1].shiftLeft(1).compareTo(power) >= 0) {
                significand = significand.add(BigInteger.ONE);
            }
            binaryExponent = -scale;
        }
        if (significand.bitLength() > 64) {
            significand = significand.shiftRight(1);
            binaryExponent++;
        }
        POWER_SIGNIFICANDS[index] = significand.longValue();
        POWER_EXPONENTS[index] = binaryExponent;
    }

    private static BigInteger roundedShiftRight(BigInteger value, int shift) {
        if (shift <= 0) {
            return value.shiftLeft(-shift);
        }
        BigInteger shifted = value.shiftRight(shift);
        return value.testBit(shift - 1) ? shifted.add(BigInteger.ONE) : shifted;
    }

    /** The JSON text the Pact Broker writes for this double. */
    static String toJson(double value) {
        StringBuilder out = new StringBuilder(24);
        append(out, value);
        return out.toString();
    }

    /** Appends the JSON text the Pact Broker writes for this double. */
    static void append(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " not allowed in JSON");
        }
        long bits = Double.doubleToRawLongBits(value);
        boolean negative = bits < 0;
        if (negative) {
            out.append('-');
        }
        if (value == 0.0) {
            out.append("0.0");
            return;
        }
        char[] digits = new char[20];
        Grisu grisu = new Grisu(digits);
        int count = grisu.run(bits);
        emit(out, digits, count, grisu.decimalExponent, negative);
    }

    /** Lays out {@code digits × 10^k} as the gem does (see the class comment). */
    private static void emit(StringBuilder out, char[] digits, int count, int k, boolean negative) {
        int exponent = Math.abs(k + count - 1);

        if (k >= 0 && exponent < 15) {
            out.append(digits, 0, count);
            for (int i = 0; i < k; i++) {
                out.append('0');
            }
            out.append(".0");
            return;
        }

        if (k < 0 && (k > -7 || exponent < 10)) {
            int integralDigits = count + k;
            if (integralDigits <= 0) {
                out.append("0.");
                for (int i = 0; i < -integralDigits; i++) {
                    out.append('0');
                }
                out.append(digits, 0, count);
            } else {
                out.append(digits, 0, integralDigits);
                out.append('.');
                out.append(digits, integralDigits, count - integralDigits);
            }
            return;
        }

        // The gem caps the digits at 18 (17 for a negative number) here; Grisu2 never yields that many.
        int written = Math.min(count, negative ? 17 : 18);
        out.append(digits[0]);
        if (written > 1) {
            out.append('.');
            out.append(digits, 1, written - 1);
        }
        out.append('e');
        out.append(k + written - 1 < 0 ? '-' : '+');
        int hundreds = exponent / 100;
        int rest = exponent % 100;
        if (hundreds > 0) {
            out.append((char) ('0' + hundreds));
        }
        if (rest > 9) {
            out.append((char) ('0' + rest / 10));
        } else if (hundreds > 0) {
            out.append('0');
        }
        out.append((char) ('0' + rest % 10));
    }

    /** One run of Grisu2 over one double: fills the digit buffer and sets the decimal exponent. */
    private static final class Grisu {
        private final char[] digits;
        private int decimalExponent;

        Grisu(char[] digits) {
            this.digits = digits;
        }

        int run(long bits) {
            long fraction = bits & FRACTION_MASK;
            int biasedExponent = (int) ((bits & EXPONENT_MASK) >>> 52);
            long w;
            int wExponent;
            if (biasedExponent != 0) {
                w = fraction + HIDDEN_BIT;
                wExponent = biasedExponent - EXPONENT_BIAS;
            } else {
                w = fraction;
                wExponent = 1 - EXPONENT_BIAS;
            }

            // The boundaries m+ and m- halfway to the neighbouring doubles, on the same exponent as each other.
            long upper = (w << 1) + 1;
            int upperExponent = wExponent - 1;
            while ((upper & (HIDDEN_BIT << 1)) == 0) {
                upper <<= 1;
                upperExponent--;
            }
            upper <<= 10;
            upperExponent -= 10;
            int lowerShift = w == HIDDEN_BIT ? 2 : 1;
            long lower = (w << lowerShift) - 1;
            int lowerExponent = wExponent - lowerShift;
            lower <<= lowerExponent - upperExponent;

            while ((w & HIDDEN_BIT) == 0) {
                w <<= 1;
                wExponent--;
            }
            w <<= 11;
            wExponent -= 11;

            int index = cachedPowerIndex(upperExponent);
            long power = POWER_SIGNIFICANDS[index];
            int powerExponent = POWER_EXPONENTS[index];
            decimalExponent = -(FIRST_POWER + index * POWER_STEP);

            long scaledW = multiplyHigh(w, power);
            long scaledUpper = multiplyHigh(upper, power) - 1;
            long scaledLower = multiplyHigh(lower, power) + 1;
            int scaledExponent = upperExponent + powerExponent + 64;
            return generateDigits(scaledW, scaledUpper, scaledLower, scaledExponent);
        }

        private static int cachedPowerIndex(int exponent) {
            int approximation = (int) (-(exponent + POWER_COUNT) * 0.30102999566398114);
            int index = (approximation - FIRST_POWER) / POWER_STEP;
            while (true) {
                int scaled = exponent + POWER_EXPONENTS[index] + 64;
                if (scaled < MIN_TARGET_EXPONENT) {
                    index++;
                } else if (scaled > MAX_TARGET_EXPONENT) {
                    index--;
                } else {
                    return index;
                }
            }
        }

        /** The high 64 bits of the 128-bit product, rounded half up on bit 63 of the low half. */
        private static long multiplyHigh(long a, long b) {
            long lowMask = 0xFFFF_FFFFL;
            long aHigh = a >>> 32;
            long aLow = a & lowMask;
            long bHigh = b >>> 32;
            long bLow = b & lowMask;
            long highLow = aHigh * bLow;
            long lowHigh = aLow * bHigh;
            long lowLow = aLow * bLow;
            long highHigh = aHigh * bHigh;
            long middle = (highLow & lowMask) + (lowHigh & lowMask) + (lowLow >>> 32) + (1L << 31);
            return highHigh + (highLow >>> 32) + (lowHigh >>> 32) + (middle >>> 32);
        }

        private int generateDigits(long w, long upper, long lower, int exponent) {
            long distanceToW = upper - w;
            long delta = upper - lower;
            int shift = -exponent;
            long one = 1L << shift;
            long integral = upper >>> shift;
            long fractional = upper & (one - 1);

            int count = 0;
            int kappa = 10;
            for (int tensIndex = 10; kappa > 0; tensIndex++) {
                long divisor = TENS[tensIndex];
                long digit = integral / divisor;
                if (digit != 0 || count != 0) {
                    digits[count++] = (char) ('0' + digit);
                }
                integral -= digit * divisor;
                kappa--;
                long remainder = (integral << shift) + fractional;
                if (Long.compareUnsigned(remainder, delta) <= 0) {
                    decimalExponent += kappa;
                    weed(count, delta, remainder, divisor << shift, distanceToW);
                    return count;
                }
            }

            int unitIndex = 18;
            while (true) {
                fractional *= 10;
                delta *= 10;
                kappa--;
                long digit = fractional >>> shift;
                if (digit != 0 || count != 0) {
                    digits[count++] = (char) ('0' + digit);
                }
                fractional &= one - 1;
                if (Long.compareUnsigned(fractional, delta) < 0) {
                    decimalExponent += kappa;
                    weed(count, delta, fractional, one, distanceToW * TENS[unitIndex]);
                    return count;
                }
                unitIndex--;
            }
        }

        /** Steps the last digit down while that brings the number closer to w and keeps it inside the boundaries. */
        private void weed(int count, long delta, long remainder, long step, long target) {
            while (Long.compareUnsigned(remainder, target) < 0
                    && Long.compareUnsigned(delta - remainder, step) >= 0
                    && (Long.compareUnsigned(remainder + step, target) < 0
                            || Long.compareUnsigned(target - remainder, remainder + step - target) > 0)) {
                digits[count - 1]--;
                remainder += step;
            }
        }
    }
}
