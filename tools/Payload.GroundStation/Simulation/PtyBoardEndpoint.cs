using System.Runtime.InteropServices;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// The simulator behind a new pseudo-terminal (Linux): it keeps the master side and prints the slave's path,
/// which a ground opens as a serial port (<c>serial:///dev/pts/N</c>) exactly as it would a board's USB adapter. The
/// slave is put in raw mode (no echo, no line editing) and held open by the simulator, so a ground may come and go
/// without hanging the terminal up. What the board sends while no ground reads fills the terminal's buffer (a few KB),
/// then is dropped (counted) — a UART with nothing attached; a ground that opens the port later may first read the
/// stale tail, which the COBS deframer resynchronises past.
/// </summary>
public sealed class PtyBoardEndpoint : IBoardEndpoint
{
    private const int PollTimeoutMilliseconds = 200;

    private readonly int _master;
    private readonly int _slave;
    private Action<byte[], int, int> _toBoard = (_, _, _) => { };
    private Thread? _reader;
    private volatile bool _disposed;
    private long _dropped;

    /// <summary>Creates the pseudo-terminal; <paramref name="baud"/> is only what the client URI advertises (a pty has no line speed).</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="IOException">The system refused a pseudo-terminal.</exception>
    public PtyBoardEndpoint(int baud)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("--listen pty needs Linux; elsewhere use one end of a serial pair (serial://…) or tcp://");
        Baud = baud;
        // Non-blocking, so a full terminal buffer (nobody reading) drops octets instead of stalling the board.
        _master = Native.posix_openpt(Native.ReadWrite | Native.NoControllingTerminal | Native.NonBlocking);
        if (_master < 0) throw Native.Error("posix_openpt");
        try
        {
            if (Native.grantpt(_master) != 0) throw Native.Error("grantpt");
            if (Native.unlockpt(_master) != 0) throw Native.Error("unlockpt");
            IntPtr name = Native.ptsname(_master);
            SlavePath = Marshal.PtrToStringUTF8(name) ?? throw Native.Error("ptsname");
            _slave = Native.open(SlavePath, Native.ReadWrite | Native.NoControllingTerminal);
            if (_slave < 0) throw Native.Error($"open {SlavePath}");
            var termios = new byte[256]; // larger than struct termios on every platform: cfmakeraw fills it in place
            if (Native.tcgetattr(_slave, termios) != 0) throw Native.Error("tcgetattr");
            Native.cfmakeraw(termios);
            if (Native.tcsetattr(_slave, 0, termios) != 0) throw Native.Error("tcsetattr");
        }
        catch
        {
            if (_slave > 0) Native.close(_slave);
            Native.close(_master);
            throw;
        }
    }

    /// <summary>The path a ground opens (/dev/pts/N).</summary>
    public string SlavePath { get; } = "";

    /// <summary>The speed advertised in <see cref="ClientUri"/>.</summary>
    public int Baud { get; }

    /// <inheritdoc />
    public string ListeningOn => $"pty {SlavePath}";

    /// <inheritdoc />
    public string? ClientUri => $"serial://{SlavePath}?baud={Baud}";

    /// <inheritdoc />
    public long DroppedOctets => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Start(Action<byte[], int, int> toBoard, Action<string> log)
    {
        _toBoard = toBoard ?? throw new ArgumentNullException(nameof(toBoard));
        ArgumentNullException.ThrowIfNull(log);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "sim pty reader" };
        _reader.Start();
    }

    /// <inheritdoc />
    public void ToGround(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_disposed) return;
        byte[] octets = offset == 0 && count == buffer.Length ? buffer : buffer.AsSpan(offset, count).ToArray();
        int done = 0;
        while (done < count)
        {
            nint written = Native.write(_master, done == 0 ? octets : octets[done..], count - done);
            if (written <= 0) break; // the terminal's buffer is full (nobody reads): drop the rest, never block the board
            done += (int)written;
        }
        if (done < count) Interlocked.Add(ref _dropped, count - done);
    }

    /// <summary>Closes both sides of the pseudo-terminal.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _reader?.Join(TimeSpan.FromSeconds(2));
        Native.close(_slave);
        Native.close(_master);
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        var poll = new Native.PollFd[] { new() { Fd = _master, Events = Native.PollIn } };
        while (!_disposed)
        {
            poll[0].Revents = 0;
            int ready = Native.poll(poll, 1, PollTimeoutMilliseconds);
            if (ready <= 0 || _disposed) continue;
            nint read = Native.read(_master, buffer, buffer.Length);
            if (read > 0) _toBoard(buffer, 0, (int)read);
            else Thread.Sleep(10); // EAGAIN, or EIO while no slave is open (we hold one, so rarely)
        }
    }

    /// <summary>The libc calls for pseudo-terminals (Linux values; glibc's posix_openpt passes O_NONBLOCK on to open).</summary>
    private static class Native
    {
        public const int ReadWrite = 2;
        public const short PollIn = 1;

        public const int NoControllingTerminal = 0x100;
        public const int NonBlocking = 0x800;

        [StructLayout(LayoutKind.Sequential)]
        public struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        public static IOException Error(string call) => new($"{call} failed: {Marshal.GetLastPInvokeErrorMessage()}");

#pragma warning disable SYSLIB1054 // DllImport keeps these byte[] signatures simple; none is on a hot path but write/read
        [DllImport("libc", SetLastError = true)]
        public static extern int posix_openpt(int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int grantpt(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int unlockpt(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr ptsname(int fd);

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcgetattr(int fd, [Out] byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern void cfmakeraw([In, Out] byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcsetattr(int fd, int actions, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeout);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, [Out] byte[] buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, byte[] buffer, nint count);
#pragma warning restore SYSLIB1054
    }
}
