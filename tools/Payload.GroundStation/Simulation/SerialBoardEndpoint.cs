using System.IO.Ports;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// The simulator on a serial device it opens itself: one end of a pty pair made by socat
/// (<c>socat -d -d pty,raw,echo=0 pty,raw,echo=0</c>), or a real port wired to a ground computer. The COBS byte
/// stream goes both ways as on the flight UART. What the board sends while nobody listens at the other end is up
/// to the device (a pty pair buffers a little, then drops).
/// </summary>
public sealed class SerialBoardEndpoint : IBoardEndpoint
{
    private readonly SerialPort _port;
    private Action<byte[], int, int> _toBoard = (_, _, _) => { };
    private Thread? _reader;
    private volatile bool _disposed;
    private long _dropped;

    /// <summary>Opens <paramref name="path"/> at <paramref name="baud"/>, 8N1.</summary>
    /// <exception cref="IOException">The device cannot be opened.</exception>
    public SerialBoardEndpoint(string path, int baud)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Baud = baud;
        _port = new SerialPort(path, baud, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, ReadTimeout = 250, WriteTimeout = 1000 };
        try
        {
            _port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            _port.Dispose();
            throw new IOException($"cannot open {path}: {e.Message}", e);
        }
        catch
        {
            _port.Dispose();
            throw;
        }
    }

    /// <summary>The device.</summary>
    public string Path { get; }

    /// <summary>Its speed.</summary>
    public int Baud { get; }

    /// <inheritdoc />
    public string ListeningOn => $"serial://{Path}?baud={Baud}";

    /// <inheritdoc />
    public string? ClientUri => null;

    /// <inheritdoc />
    public long DroppedOctets => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Start(Action<byte[], int, int> toBoard, Action<string> log)
    {
        _toBoard = toBoard ?? throw new ArgumentNullException(nameof(toBoard));
        ArgumentNullException.ThrowIfNull(log);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "sim serial reader" };
        _reader.Start();
    }

    /// <inheritdoc />
    public void ToGround(byte[] buffer, int offset, int count)
    {
        try
        {
            _port.BaseStream.Write(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            Interlocked.Add(ref _dropped, count);
        }
    }

    /// <summary>Closes the device.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _reader?.Join(TimeSpan.FromSeconds(2));
        _port.Dispose();
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        while (!_disposed)
        {
            try
            {
                int read = _port.BaseStream.Read(buffer, 0, buffer.Length);
                if (read > 0) _toBoard(buffer, 0, read);
            }
            catch (TimeoutException)
            {
                // Nothing arrived within the read timeout: look whether to stop, then read on.
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                if (_disposed) return;
                Thread.Sleep(50); // the other end of a pty pair is not open yet: keep trying
            }
        }
    }
}
