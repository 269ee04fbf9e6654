using System.Net.Sockets;

namespace Payload.GroundStation.Transports;

/// <summary>
/// A COBS byte stream over TCP to a simulator process (<c>payload-ground sim --listen tcp://…</c>) or a serial-to-TCP
/// bridge. Nagle is off so a telecommand leaves at once; a lost connection is retried (see <see cref="StreamGroundLink"/>).
/// </summary>
public sealed class TcpGroundLink : StreamGroundLink
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _connectTimeout;
    private readonly Dictionary<Stream, TcpClient> _clients = [];
    private readonly Lock _clientsLock = new();

    /// <summary>Creates the link to <paramref name="host"/>:<paramref name="port"/>; <see cref="StreamGroundLink.Open"/> connects.</summary>
    public TcpGroundLink(string host, int port, TimeSpan connectTimeout, ReconnectPolicy reconnect)
        : base(new LinkAddress { Scheme = LinkScheme.Tcp, Host = host, Port = port }.ToString(), reconnect)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _host = host;
        _port = port;
        _connectTimeout = connectTimeout;
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> with the default timeout and reconnection.</summary>
    /// <exception cref="IOException">The connection could not be made.</exception>
    public static TcpGroundLink Connect(string host, int port, GroundLinkOptions? options = null)
    {
        options ??= new GroundLinkOptions();
        var link = new TcpGroundLink(host, port, options.ConnectTimeout, options.Reconnect);
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
    protected override Stream OpenStream(CancellationToken cancellation)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            client.ConnectAsync(_host, _port, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"no answer from {_host}:{_port} within {_connectTimeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new IOException(e.Message, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        NetworkStream stream = client.GetStream();
        lock (_clientsLock) _clients[stream] = client;
        return stream;
    }

    /// <inheritdoc />
    protected override void CloseStream(Stream stream)
    {
        TcpClient? client;
        lock (_clientsLock)
        {
            _clients.Remove(stream, out client);
        }
        stream.Dispose();
        client?.Dispose();
    }
}
