using System.Threading;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Runtime
{
    /// <summary>
    /// The base tick on its own thread: frames on a fixed grid (next += period, so lateness never accumulates into
    /// drift), the thread asleep in between; frames the board fell a whole period behind on are skipped, not bunched.
    /// </summary>
    /// <remarks>
    /// Timing on nanoFramework: every managed thread shares one FreeRTOS task and 20 ms time slices, and
    /// <c>Thread.Sleep</c> has millisecond resolution, so a frame starts up to a millisecond after its slot when the CLR
    /// is idle and up to a time slice later when another managed thread is running; a native call that holds the CLR
    /// (an SPI burst, a flash commit) delays it by its whole duration. A skipped frame number reaches the executive as a
    /// gap, which it counts and reports (exec.frame_slips). Nothing here allocates.
    /// </remarks>
    public sealed class MinorFrameLoop
    {
        private readonly FlightSteps _steps;
        private readonly IMonotonicClock _clock;
        private readonly long _periodMicroseconds;
        private readonly long _lateMicroseconds;

        /// <summary>
        /// Ticks <paramref name="steps"/> every <paramref name="periodMicroseconds"/> by <paramref name="clock"/>; a frame
        /// starting more than <paramref name="lateMicroseconds"/> after its slot counts as late.
        /// </summary>
        public MinorFrameLoop(FlightSteps steps, IMonotonicClock clock, long periodMicroseconds, long lateMicroseconds)
        {
            _steps = steps;
            _clock = clock;
            _periodMicroseconds = periodMicroseconds;
            _lateMicroseconds = lateMicroseconds;
        }

        /// <summary>Frames run.</summary>
        public long Frames { get; private set; }

        /// <summary>Frames that ran more than the late threshold after their slot.</summary>
        public long LateFrames { get; private set; }

        /// <summary>Frames not run because the loop was a whole period or more behind.</summary>
        public long SkippedFrames { get; private set; }

        /// <summary>The furthest the loop has been behind its slot when it woke, in microseconds (high-water mark since boot).</summary>
        public long MaxLatenessMicroseconds { get; private set; }

        /// <summary>Starts the loop on a new thread above normal priority; the first frame (number 0) is one period from now.</summary>
        public void Start()
        {
            var thread = new Thread(new ThreadStart(Run));
            thread.Priority = ThreadPriority.AboveNormal;
            thread.Start();
        }

        private void Run()
        {
            long period = _periodMicroseconds;
            long next = _clock.NowMicroseconds + period;
            long frame = 0;
            while (true)
            {
                long wait = next - _clock.NowMicroseconds;
                if (wait > 0)
                {
                    // Rounded up, so the wake-up is at or after the slot; the clock is read again before deciding.
                    Thread.Sleep((int)((wait + 999) / 1000));
                    continue;
                }

                long late = -wait;
                if (late > MaxLatenessMicroseconds) MaxLatenessMicroseconds = late;
                if (late >= period)
                {
                    long skipped = late / period;
                    frame += skipped;
                    next += skipped * period;
                    late -= skipped * period;
                    SkippedFrames += skipped;
                }

                if (late > _lateMicroseconds) LateFrames++;

                _steps.MinorFrame(frame);
                Frames++;
                frame++;
                next += period;
            }
        }
    }
}
