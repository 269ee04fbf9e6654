namespace Payload.Flight.Instrument.Products
{
    /// <summary>The first-sidelobe search of <see cref="PatternBins.Sidelobe"/>, resumable: a bounded number of bins per call.</summary>
    public sealed class SidelobeWalk
    {
        private int _next;
        private int _step;
        private long _nullRise;
        private long _peakFall;
        private int _maxGap;
        private long _lowest;
        private long _highest;
        private bool _rising;
        private int _gap;

        /// <summary>The sidelobe level, or <see cref="PatternBins.Empty"/> (the answer once <see cref="Finished"/>).</summary>
        public int Level { get; private set; }

        /// <summary>True when the walk has stopped.</summary>
        public bool Finished { get; private set; }

        /// <summary>Starts beyond <paramref name="start"/> (an edge of the fit window), walking by <paramref name="step"/> (±1).</summary>
        public void Start(PatternBins bins, int start, int step, long nullRise, long peakFall, int maxGap)
        {
            int first = bins.Smoothed(start);
            _lowest = first == PatternBins.Empty ? long.MaxValue : first;
            _highest = 0;
            _rising = false;
            _gap = 0;
            _next = start + step;
            _step = step;
            _nullRise = nullRise;
            _peakFall = peakFall;
            _maxGap = maxGap;
            Level = PatternBins.Empty;
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
                if (level == PatternBins.Empty)
                {
                    if (++_gap > _maxGap)
                    {
                        Finished = true;
                    }

                    continue;
                }

                _gap = 0;
                if (!_rising)
                {
                    if (level < _lowest)
                    {
                        _lowest = level;
                    }
                    else if (level - _lowest > _nullRise)
                    {
                        _rising = true;
                        _highest = level;
                    }
                }
                else if (level > _highest)
                {
                    _highest = level;
                }
                else if (_highest - level > _peakFall)
                {
                    Level = (int)_highest;
                    Finished = true;
                }
            }

            return visited;
        }
    }
}
