namespace TraceChain.Imaging.Distortion;

/// <summary>A plane projective transform (3x3 matrix, h33 = 1) fitted to four point pairs.</summary>
internal sealed class Homography
{
    private readonly double[] h;

    private Homography(double[] h) => this.h = h;

    /// <summary>The transform mapping each <paramref name="from"/> point onto the matching <paramref name="to"/> point.</summary>
    public static Homography FromQuads(ReadOnlySpan<(double X, double Y)> from, ReadOnlySpan<(double X, double Y)> to)
    {
        if (from.Length != 4 || to.Length != 4)
        {
            throw new ArgumentException("a homography needs exactly four point pairs");
        }

        // Standard direct linear transform: two equations per pair, eight unknowns.
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            SetRow(a, 2 * i, [x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
            SetRow(a, (2 * i) + 1, [0, 0, 0, x, y, 1, -v * x, -v * y, v]);
        }

        return new Homography([.. Solve(a), 1]);
    }

    /// <summary>Maps a point.</summary>
    public (double X, double Y) Map(double x, double y)
    {
        var w = (h[6] * x) + (h[7] * y) + h[8];
        return (((h[0] * x) + (h[1] * y) + h[2]) / w, ((h[3] * x) + (h[4] * y) + h[5]) / w);
    }

    private static void SetRow(double[,] a, int row, double[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            a[row, c] = values[c];
        }
    }

    // Gauss-Jordan elimination with partial pivoting on the augmented 8x9 matrix.
    private static double[] Solve(double[,] a)
    {
        const int n = 8;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                throw new ArgumentException("the quads are degenerate (three points on a line)");
            }

            for (var c = 0; c <= n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = a[r, col] / a[col, col];
                for (var c = col; c <= n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }
            }
        }

        var x = new double[n];
        for (var r = 0; r < n; r++)
        {
            x[r] = a[r, n] / a[r, r];
        }

        return x;
    }
}
