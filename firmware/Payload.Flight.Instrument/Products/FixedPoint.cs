namespace Payload.Flight.Instrument.Products
{
    /// <summary>Integer arithmetic the products need and the device lacks: square root, a·b/c with a 128-bit product, and atan.</summary>
    /// <remarks>
    /// There is no System.Math on the device and no 128-bit integer. Everything here is exact integer work on long/ulong;
    /// the accuracies stated on each method are what the unit tests check (FixedPointTests).
    /// </remarks>
    public static class FixedPoint
    {
        /// <summary>One radian in Q30 (2^30).</summary>
        public const long OneQ30 = 1L << 30;

        // CORDIC works in Q40 internally (inputs normalised to [2^39, 2^40), angles in Q40) so that its own rounding stays
        // far below the Q30 result's LSB. atan(2^-i) in Q40 for i = 0..13; from i = 14 on it rounds to 2^(40-i) exactly.
        private const int CordicIterations = 40;
        private const long OneQ40 = 1L << 40;

        private static readonly long[] s_atanTableQ40 =
        {
            863554413089L, 509785937287L, 269356888665L, 136729762476L, 68630207382L, 34348560106L, 17178471287L,
            8589759836L, 4294945451L, 2147480917L, 1073741483L, 536870869L, 268435451L, 134217727L,
        };

        /// <summary>floor(√value) for value ≥ 0 (0 for negative input); exact.</summary>
        public static long Sqrt(long value)
        {
            if (value <= 0)
            {
                return 0;
            }

            // Digit-by-digit (base 4) method: no division, exact floor for the whole non-negative long range.
            ulong remainder = (ulong)value;
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > remainder)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                if (remainder >= root + bit)
                {
                    remainder -= root + bit;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return (long)root;
        }

        /// <summary>
        /// a·b/c rounded to nearest (halves away from zero), with the product held in 128 bits; saturates at ±long.MaxValue
        /// when the quotient does not fit, and when c is 0.
        /// </summary>
        public static long MulDiv(long a, long b, long c)
        {
            bool negative = (a < 0) ^ (b < 0) ^ (c < 0);
            ulong ua = Magnitude(a);
            ulong ub = Magnitude(b);
            ulong uc = Magnitude(c);
            if (uc == 0)
            {
                return negative ? -long.MaxValue : long.MaxValue;
            }

            // 64 x 64 -> 128 from four 32 x 32 partial products.
            ulong aLow = ua & 0xFFFFFFFFUL;
            ulong aHigh = ua >> 32;
            ulong bLow = ub & 0xFFFFFFFFUL;
            ulong bHigh = ub >> 32;
            ulong lowLow = aLow * bLow;
            ulong lowHigh = aLow * bHigh;
            ulong highLow = aHigh * bLow;
            ulong highHigh = aHigh * bHigh;
            ulong middle = (lowLow >> 32) + (lowHigh & 0xFFFFFFFFUL) + (highLow & 0xFFFFFFFFUL);
            ulong low = (lowLow & 0xFFFFFFFFUL) | (middle << 32);
            ulong high = highHigh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);

            // Round: add c/2 to the 128-bit product.
            ulong half = uc >> 1;
            ulong sum = low + half;
            if (sum < low)
            {
                high++;
            }

            low = sum;
            if (high >= uc)
            {
                return negative ? -long.MaxValue : long.MaxValue;
            }

            // Restoring division of (high:low) by c; high < c, so the quotient fits 64 bits.
            ulong remainder = high;
            ulong quotient = 0;
            for (int i = 63; i >= 0; i--)
            {
                bool carry = (remainder >> 63) != 0;
                remainder = (remainder << 1) | ((low >> i) & 1UL);
                quotient <<= 1;
                if (carry || remainder >= uc)
                {
                    remainder -= uc;
                    quotient |= 1UL;
                }
            }

            if (quotient > (ulong)long.MaxValue)
            {
                return negative ? -long.MaxValue : long.MaxValue;
            }

            return negative ? -(long)quotient : (long)quotient;
        }

        /// <summary>
        /// atan(y/x) in Q30 radians for x &gt; 0 (any y; 0 for x ≤ 0), by CORDIC vectoring; |error| ≤ 1·10⁻⁹ rad
        /// (the Q30 rounding, 4.7·10⁻¹⁰, plus the Q40 CORDIC's own).
        /// </summary>
        public static long Atan2(long y, long x)
        {
            if (x <= 0)
            {
                return 0;
            }

            bool negative = y < 0;
            if (negative)
            {
                y = y == long.MinValue ? long.MaxValue : -y;
            }

            // Bring the larger input to [2^39, 2^40): x grows by the CORDIC gain (1.65) and y stays below 2^41.
            while (x >= OneQ40 || y >= OneQ40)
            {
                x >>= 1;
                y >>= 1;
            }

            while (x < (OneQ40 >> 1) && y < (OneQ40 >> 1))
            {
                x <<= 1;
                y <<= 1;
            }

            long angle = 0;
            for (int i = 0; i < CordicIterations && y != 0; i++)
            {
                long step = i < s_atanTableQ40.Length ? s_atanTableQ40[i] : 1L << (40 - i);
                long dx = x >> i;
                long dy = y >> i;
                if (y > 0)
                {
                    x += dy;
                    y -= dx;
                    angle += step;
                }
                else
                {
                    x -= dy;
                    y += dx;
                    angle -= step;
                }
            }

            angle = (angle + 512) >> 10;
            return negative ? -angle : angle;
        }

        /// <summary>Q30 radians to micro-degrees, rounded.</summary>
        public static long MicroDegrees(long radiansQ30)
        {
            // 180/π·10^6 µdeg per radian = 57 295 779.513; the extra 1000 keeps three more digits of the constant.
            return MulDiv(radiansQ30, 57295779513L, 1000L << 30);
        }

        private static ulong Magnitude(long value)
        {
            return value < 0 ? (ulong)(-(value + 1)) + 1UL : (ulong)value;
        }
    }
}
