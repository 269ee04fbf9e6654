namespace Payload.Flight.Instrument.Products
{
    /// <summary>The fit-window edge search of <see cref="PatternBins.WindowEdge"/>, resumable: a bounded number of bins per call.</summary>
    public sealed class WindowEdgeWalk
    {
        private int _next;
        private int _step;
        private long _threshold;
        private int _maxGap;
        private int _gap;

        /// <summary>The edge found so far (the answer once <see cref="Finished"/>).</summary>
        public int Edge { get; private set; }

        /// <summary>True when the walk has stopped.</summary>
        public bool Finished { get; private set; }

        /// <summary>Starts at <paramref name="peak"/>, walking by <paramref name="step"/> (±1).</summary>
        public void Start(int peak, int step, long threshold, int maxGap)
        {
            Edge = peak;
            _next = peak + step;
            _step = step;
            _threshold = threshold;
            _maxGap = maxGap;
            _gap = 0;
            Finished = false;
        }

        /// <summary>Visits at most <paramref name="visits"/> (≥ 1) more bins; returns how many it visited.</summary>
        public int Advance(PatternBins bins, int visits)
        {
            int visited = 0;
            while (!Finished && visited < visits)
            {
                int i = _next;
                if (i < 0 || i >= bins.Length)
                {
                    Finished = true;
                    break;
                }

                visited++;
                _next = i + _step;
                int level = bins.Smoothed(i);
                if (!bins.IsSaturated(i))
                {
                    if (level == PatternBins.Empty)
                    {
                        if (++_gap > _maxGap)
                        {
                            Finished = true;
                        }

                        continue;
                    }

                    if (level < _threshold)
                    {
                        Finished = true;
                        break;
                    }
                }

                Edge = i;
                _gap = 0;
            }

            return visited;
        }
    }
}
