namespace Payload.Analysis;

/// <summary>Ordinary least squares in double precision.</summary>
public static class LeastSquares
{
    /// <summary>
    /// The parabola y = a + b·x + c·x² minimising Σ(y − a − b·x − c·x²)²: normal equations in x centred on its mean
    /// (well conditioned), solved by Gaussian elimination with partial pivoting, then shifted back.
    /// </summary>
    public static (double A, double B, double C) Parabola(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 3)
        {
            throw new ArgumentException("need at least three (x, y) pairs of equal count");
        }

        double mean = x.Average();
        var m = new double[3, 4];
        for (int i = 0; i < x.Count; i++)
        {
            double d = x[i] - mean;
            double[] p = [1.0, d, d * d];
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    m[r, c] += p[r] * p[c];
                }

                m[r, 3] += p[r] * y[i];
            }
        }

        var s = Solve(m);
        double a = s[0] - s[1] * mean + s[2] * mean * mean;
        double b = s[1] - 2 * s[2] * mean;
        return (a, b, s[2]);
    }

    private static double[] Solve(double[,] m)
    {
        const int n = 3;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (int c = 0; c <= n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int c = col; c <= n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }
            }
        }

        var s = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double v = m[r, n];
            for (int c = r + 1; c < n; c++)
            {
                v -= m[r, c] * s[c];
            }

            s[r] = v / m[r, r];
        }

        return s;
    }
}
