using System.IO.Ports;

namespace Payload.GroundStation.Transports;

/// <summary>
/// A COBS byte stream over a serial port, 8N1 without flow control (a real board's UART through a USB adapter, or one end
/// of a pty pair). A reader thread delivers the octets; if the device goes away (an adapter unplugged) the port is
/// reopened following the <see cref="ReconnectPolicy"/>.
/// </summary>
public sealed class SerialGroundLink : StreamGroundLink
{
    /// <summary>How long a read waits before the reader looks whether it should stop.</summary>
    private const int ReadTimeoutMilliseconds = 250;

    private readonly string _path;
    private readonly int _baud;
    private readonly Dictionary<Stream, SerialPort> _ports = [];
    private readonly Lock _portsLock = new();

    /// <summary>Creates the link on <paramref name="path"/> at <paramref name="baud"/>; <see cref="StreamGroundLink.Open"/> opens it.</summary>
    public SerialGroundLink(string path, int baud, ReconnectPolicy reconnect)
        : base(new LinkAddress { Scheme = LinkScheme.Serial, Path = path, Query = new Dictionary<string, string> { ["baud"] = baud.ToString(System.Globalization.CultureInfo.InvariantCulture) } }.ToString(), reconnect)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(baud, 1);
        _path = path;
        _baud = baud;
    }

    /// <summary>Opens <paramref name="path"/> at <paramref name="baud"/>.</summary>
    /// <exception cref="IOException">The port could not be opened.</exception>
    public static SerialGroundLink Open(string path, int baud, GroundLinkOptions? options = null)
    {
        var link = new SerialGroundLink(path, baud, (options ?? new GroundLinkOptions()).Reconnect);
        try
        {
            link.Open();
            return link;
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override string ConnectedDetail => $"opened {_path} at {_baud} baud, 8N1";

    /// <inheritdoc />
    protected override Stream OpenStream(CancellationToken cancellation)
    {
        var port = new SerialPort(_path, _baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = ReadTimeoutMilliseconds,
            WriteTimeout = 2000,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException(e.Message, e);
        }
        catch
        {
            port.Dispose();
            throw;
        }
        Stream stream = port.BaseStream;
        lock (_portsLock) _ports[stream] = port;
        return stream;
    }

    /// <inheritdoc />
    protected override void CloseStream(Stream stream)
    {
        SerialPort? port;
        lock (_portsLock)
        {
            _ports.Remove(stream, out port);
        }
        port?.Dispose();
    }
}
