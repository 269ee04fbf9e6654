using System.Collections.Concurrent;
using System.Diagnostics;
using Payload.Boards.Simulated.Engine;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// Runs a <see cref="SimulatedBoard"/> in real time on its own thread: its virtual time is paced to the wall clock,
/// and its UART is bridged to whatever feeds <see cref="Uplink"/> and listens to <see cref="Downlink"/>.
/// </summary>
/// <remarks>
/// <para><b>Pacing.</b> Each pass of the loop runs the board up to the wall clock's present instant (not by a fixed
/// increment, so waiting too long never accumulates into drift), puts the uplink octets that arrived meanwhile onto
/// the board's UART at that instant, then sleeps until the next step boundary — or less: an arriving uplink octet wakes
/// the loop at once, so a telecommand enters the UART within microseconds of reaching the process. Downlink octets are
/// raised when the board reaches the virtual instant their last bit leaves the simulated wire, i.e. up to one step
/// (plus the OS's sleep overshoot) after that instant in wall time: the step bounds the latency the pacing adds.</para>
/// <para><b>Lag.</b> After every pass, the wall clock minus the board's virtual time is recorded (<see cref="Lag"/>):
/// the work of the pass itself, or a board that cannot keep up. If the board falls more than
/// <see cref="MaxCatchUp"/> behind (a paused process), the lost time is let go (a slip) instead of raced through.</para>
/// <para>The board is not thread-safe: touch it only through <see cref="Post"/> once the driver runs.</para>
/// </remarks>
public sealed class RealTimeBoardDriver : IDisposable
{
    private readonly ConcurrentQueue<byte[]> _uplink = new();
    private readonly ConcurrentQueue<Action<SimulatedBoard>> _posted = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly LagHistogram _lag = new();
    private readonly Stopwatch _wall = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private volatile bool _disposed;
    private long _origin;
    private long _slips;
    private long _uplinkOctets;
    private long _downlinkOctets;

    /// <summary>Drives <paramref name="board"/> with pacing steps of <paramref name="step"/> (at least 50 µs).</summary>
    public RealTimeBoardDriver(SimulatedBoard board, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (step < TimeSpan.FromMicroseconds(50) || step > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(step), "the pacing step must be between 50 µs and 1 s");
        Board = board;
        Step = step;
        board.Uart.GroundReceived += OnBoardTransmitted;
    }

    /// <summary>The board driven.</summary>
    public SimulatedBoard Board { get; }

    /// <summary>The pacing step: the longest the loop sleeps, so the most it delays a downlink octet.</summary>
    public TimeSpan Step { get; }

    /// <summary>How far behind the wall clock the board may fall before the lost time is let go.</summary>
    public TimeSpan MaxCatchUp { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Raised on the driver thread with octets the board sent, when they arrive off the simulated wire.</summary>
    public event Action<byte[], int, int>? Downlink;

    /// <summary>Raised (on the driver thread, which then stops) when the board or a handler threw.</summary>
    public event Action<Exception>? Faulted;

    /// <summary>True while the loop runs.</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>The lag statistics so far.</summary>
    public LagStatistics Lag => _lag.Snapshot(Interlocked.Read(ref _slips));

    /// <summary>Octets put onto the board's UART so far.</summary>
    public long UplinkOctets => Interlocked.Read(ref _uplinkOctets);

    /// <summary>Octets the board sent so far (raised through <see cref="Downlink"/>).</summary>
    public long DownlinkOctets => Interlocked.Read(ref _downlinkOctets);

    /// <summary>Wall time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _wall.Elapsed;

    /// <summary>Starts the loop; the board's present virtual instant is matched to now.</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the driver has already been started");
        _thread = new Thread(Loop) { IsBackground = true, Name = "real-time board", Priority = ThreadPriority.AboveNormal };
        _origin = Board.NowMicroseconds;
        _wall.Start();
        _thread.Start();
    }

    /// <summary>Queues octets for the board's UART (thread-safe); they enter it at the instant the loop next runs, at once.</summary>
    public void Uplink(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count <= 0 || _disposed) return; // a late octet from an endpoint closing down: the board is gone
        _uplink.Enqueue(buffer.AsSpan(offset, count).ToArray());
        Wake();
    }

    /// <summary>Runs <paramref name="action"/> on the driver thread at the next pass (fault injection, link cuts…).</summary>
    public void Post(Action<SimulatedBoard> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _posted.Enqueue(action);
        Wake();
    }

    /// <summary>Runs <paramref name="action"/> on the driver thread and waits for it (or runs it at once when the driver is stopped).</summary>
    public T Invoke<T>(Func<SimulatedBoard, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!IsRunning || Thread.CurrentThread == _thread) return action(Board);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(board =>
        {
            try
            {
                done.SetResult(action(board));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Stops the loop and waits for it.</summary>
    public void Stop()
    {
        _stopping = true;
        Wake();
        if (_thread is not null && _thread != Thread.CurrentThread) _thread.Join();
    }

    /// <summary>Stops the loop and lets go of the board's UART.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        Stop();
        _disposed = true;
        Board.Uart.GroundReceived -= OnBoardTransmitted;
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            _wake.Set();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing to wake.
        }
    }

    private long WallMicroseconds => _wall.Elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000);

    private void Loop()
    {
        long step = Step.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        long maxCatchUp = MaxCatchUp.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        try
        {
            while (!_stopping)
            {
                long target = _origin + WallMicroseconds;
                if (target - Board.NowMicroseconds > maxCatchUp)
                {
                    // Paused (a debugger, a stalled machine): let the time go rather than race through it.
                    _origin -= target - Board.NowMicroseconds - step;
                    target = _origin + WallMicroseconds;
                    Interlocked.Increment(ref _slips);
                }
                if (target > Board.NowMicroseconds) Board.RunFor(target - Board.NowMicroseconds);
                while (_posted.TryDequeue(out Action<SimulatedBoard>? action)) action(Board);
                while (_uplink.TryDequeue(out byte[]? octets))
                {
                    Board.Uart.SendFromGround(octets, 0, octets.Length);
                    Interlocked.Add(ref _uplinkOctets, octets.Length);
                }
                _lag.Add(_origin + WallMicroseconds - Board.NowMicroseconds);
                SleepUntil(target - _origin + step);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Faulted?.Invoke(e);
        }
    }

    /// <summary>Sleeps until the wall clock reads <paramref name="wallMicroseconds"/> or an uplink octet arrives.</summary>
    /// <remarks>
    /// Steps of a millisecond or more sleep (the OS wakes a little late: the lag shows by how much); shorter steps spin
    /// for the part below a millisecond, which costs a core but is the only way to pace that finely.
    /// </remarks>
    private void SleepUntil(long wallMicroseconds)
    {
        long remaining = wallMicroseconds - WallMicroseconds;
        if (remaining <= 0) return;
        if (Step >= TimeSpan.FromMilliseconds(1))
        {
            _wake.WaitOne((int)((remaining + 999) / 1000));
            return;
        }
        if (remaining >= 1000 && _wake.WaitOne((int)(remaining / 1000))) return;
        var spinner = new SpinWait();
        while (WallMicroseconds < wallMicroseconds && _uplink.IsEmpty && _posted.IsEmpty && !_stopping) spinner.SpinOnce(-1);
    }

    private void OnBoardTransmitted(byte[] buffer, int offset, int count)
    {
        Interlocked.Add(ref _downlinkOctets, count);
        Downlink?.Invoke(buffer, offset, count);
    }
}
