namespace Payload.Flight.Instrument.Products
{
    /// <summary>Least-squares parabola y = a + b·u + c·u² on the bin levels of the fit window, in exact 64-bit integers.</summary>
    /// <remarks>
    /// <para>Points. The window [left, right] of fine bins is cut into nc ≤ <see cref="MaxPoints"/> equal groups of r = ⌈span/65⌉
    /// bins (the span − nc·r bins left over are trimmed, half from each end); a group with pulses that is not saturated
    /// (<see cref="PatternBins.IsSaturatedShare"/>: its mean would be censored low) is one point at
    /// u = j − nc/2 ∈ [−32, 32] (its centre time), y = its mean code in Q4 minus the reference level, rounded.
    /// y is shifted right (rounded) until |y| &lt; 2^18 (16 384 codes, 25 dB: no shift for any real window).</para>
    /// <para>Slices. <see cref="Fit"/> is <see cref="Begin"/>, <see cref="AddBins"/> over the window and <see cref="Solve"/>;
    /// <see cref="PassAccumulator"/> adds the window's bins a slice per step (a window can be thousands of bins) and solves
    /// in one step (at most 65 points).</para>
    /// <para>Ranges. With n ≤ 65, |u| ≤ 32, |y| &lt; 2^18: S0 ≤ 65, |S1| ≤ 1056, S2 ≤ 22 880, |S3| ≤ 5.6·10⁵, S4 ≤ 1.5·10⁷,
    /// |T0| ≤ 1.7·10⁷, |T1| ≤ 2.8·10⁸, |T2| ≤ 6.0·10⁹; every product of three in the Cramer determinants D, Db, Dc is below
    /// 3·10¹⁷ and each six-term sum below 1.3·10¹⁸ &lt; 2^63: the normal equations are solved exactly (no rounding at all
    /// up to b = Db/D and c = Dc/D).</para>
    /// <para>Results, by <see cref="FixedPoint.MulDiv"/> (128-bit products, rounded): vertex u* = −Db/(2·Dc) in Q16 (1/65536 of
    /// a group), half-power half width √(3.0103 dB / −c) in Q16 by an exact integer square root of a Q32 value, and the
    /// vertex level a + b·u*/2 in Q8 of y. Precision is set by the Q16 outputs (≈ 1.5·10⁻⁵ of a group), by rounding each
    /// point's mean to 1/16 code (0.1 mdB at 655 codes/dB) and by the y shift if any, far below the noise of any real pass.</para>
    /// </remarks>
    public sealed class ParabolaFit
    {
        /// <summary>Most points of one fit (|u| ≤ 32).</summary>
        public const int MaxPoints = 65;

        /// <summary>Fewest points for a fit.</summary>
        public const int MinPoints = 5;

        private const long YLimit = 1L << 18;

        private readonly int[] _u = new int[MaxPoints];
        private readonly long[] _y = new long[MaxPoints];
        private int _r;
        private int _groups;
        private int _first;
        private int _centre;
        private long _referenceQ4;
        private int _n;
        private long _largest;
        private int _visited;
        private long _groupSum;
        private long _groupCount;
        private int _groupSaturated;

        /// <summary>Points used by the last successful fit.</summary>
        public int Points { get; private set; }

        /// <summary>First fine bin of the (trimmed) fit window.</summary>
        public int FirstBin { get; private set; }

        /// <summary>Last fine bin of the (trimmed) fit window.</summary>
        public int LastBin { get; private set; }

        /// <summary>Time of the vertex from the start of bin 0, ticks.</summary>
        public long VertexTicks { get; private set; }

        /// <summary>Half-power half width, ticks.</summary>
        public long HalfWidthTicks { get; private set; }

        /// <summary>Vertex level relative to the reference level, 1/16 code.</summary>
        public long LevelQ4 { get; private set; }

        /// <summary>
        /// Fits the bins [left, right]; <paramref name="referenceQ4"/> is subtracted from every level, <paramref name="halfPowerQ8"/>
        /// is 3.0103 dB in 1/256 code. False (and no results) when there are too few points, the parabola does not open
        /// downwards, or its vertex or width falls outside the window.
        /// </summary>
        public bool Fit(PatternBins bins, int left, int right, long referenceQ4, long halfPowerQ8, int binTicks)
        {
            Begin(left, right, referenceQ4);
            AddBins(bins, BinsToVisit);
            return Solve(halfPowerQ8, binTicks);
        }

        /// <summary>Bins a sliced fit visits with <see cref="AddBins"/>: the trimmed window.</summary>
        public int BinsToVisit
        {
            get { return _groups * _r; }
        }

        /// <summary>Starts a sliced <see cref="Fit"/>: lays out the groups of [left, right]; then <see cref="AddBins"/> and <see cref="Solve"/>.</summary>
        public void Begin(int left, int right, long referenceQ4)
        {
            Points = 0;
            int span = right - left + 1;
            _r = (span + MaxPoints - 1) / MaxPoints;
            _groups = span / _r;
            _first = left + (span - _groups * _r) / 2;
            _centre = _groups / 2;
            _referenceQ4 = referenceQ4;
            FirstBin = _first;
            LastBin = _first + _groups * _r - 1;
            _n = 0;
            _largest = 0;
            _visited = 0;
            _groupSum = 0;
            _groupCount = 0;
            _groupSaturated = 0;
        }

        /// <summary>Adds the next <paramref name="count"/> bins of the window, in order; each completed group becomes a point.</summary>
        public void AddBins(PatternBins bins, int count)
        {
            int end = _visited + count;
            for (int v = _visited; v < end; v++)
            {
                int i = _first + v;
                _groupSum += bins.Sum(i);
                _groupCount += bins.Count(i);
                _groupSaturated += bins.Saturated(i);
                if ((v + 1) % _r == 0)
                {
                    AddGroup(v / _r);
                }
            }

            _visited = end;
        }

        private void AddGroup(int j)
        {
            long sum = _groupSum;
            long count = _groupCount;
            int saturated = _groupSaturated;
            _groupSum = 0;
            _groupCount = 0;
            _groupSaturated = 0;
            if (count == 0 || PatternBins.IsSaturatedShare(saturated, count))
            {
                return;
            }

            long y = (sum * 16 + count / 2) / count - _referenceQ4;
            _u[_n] = j - _centre;
            _y[_n] = y;
            long magnitude = y < 0 ? -y : y;
            if (magnitude > _largest)
            {
                _largest = magnitude;
            }

            _n++;
        }

        /// <summary>Solves the normal equations of the points added (at most <see cref="MaxPoints"/>); false and no results as for <see cref="Fit"/>.</summary>
        public bool Solve(long halfPowerQ8, int binTicks)
        {
            int n = _n;
            long largest = _largest;
            int groups = _groups;
            int centre = _centre;
            int first = _first;
            int r = _r;
            if (n < MinPoints)
            {
                return false;
            }

            int shift = 0;
            while ((largest >> shift) >= YLimit)
            {
                shift++;
            }

            long s0 = n, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
            for (int k = 0; k < n; k++)
            {
                long u = _u[k];
                long y = shift == 0 ? _y[k] : (_y[k] + (1L << (shift - 1))) >> shift;
                long u2 = u * u;
                s1 += u;
                s2 += u2;
                s3 += u2 * u;
                s4 += u2 * u2;
                t0 += y;
                t1 += u * y;
                t2 += u2 * y;
            }

            // Cramer's rule on [[s0 s1 s2] [s1 s2 s3] [s2 s3 s4]]·[a b c] = [t0 t1 t2].
            long d = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s2 * s3) + s2 * (s1 * s3 - s2 * s2);
            long db = s0 * (t1 * s4 - s3 * t2) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2);
            long dc = s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - s3 * t0) + s2 * (s1 * t1 - s2 * t0);
            if (d <= 0 || dc >= 0)
            {
                return false;
            }

            long vertexQ16 = FixedPoint.MulDiv(-db, 65536, 2 * dc);
            long limitQ16 = (long)(centre + 1) << 16;
            if (vertexQ16 > limitQ16 || vertexQ16 < -limitQ16)
            {
                return false;
            }

            long halfWidthSquaredQ32 = FixedPoint.MulDiv(d, halfPowerQ8 << 28, (-dc) << shift);
            long halfWidthQ16 = FixedPoint.Sqrt(halfWidthSquaredQ32);
            if (halfWidthQ16 > (long)groups << 17)
            {
                return false;
            }

            long aQ8 = ((t0 << 8) - FixedPoint.MulDiv(db, s1 << 8, d) - FixedPoint.MulDiv(dc, s2 << 8, d)) / s0;
            long bQ16 = FixedPoint.MulDiv(db, 65536, d);
            long levelQ8 = aQ8 + ((bQ16 * vertexQ16) >> 25);

            long groupTicks = (long)r * binTicks;
            long centreTicks = (long)(first + centre * r) * binTicks + groupTicks / 2;
            VertexTicks = centreTicks + ((vertexQ16 * groupTicks) >> 16);
            HalfWidthTicks = (halfWidthQ16 * groupTicks) >> 16;
            LevelQ4 = ((levelQ8 << shift) + 128) >> 8;
            Points = n;
            return true;
        }
    }
}
