using Payload.GroundStation.Link;

namespace Payload.GroundStation.Transports;

/// <summary>
/// A byte-stream link (TCP, serial) with a reader thread and bounded reconnection: when the stream ends or fails, the
/// reader closes it and tries to open a new one following the <see cref="ReconnectPolicy"/>, raising
/// <see cref="StateChanged"/> at each step; once the attempts are exhausted the link is <see cref="LinkState.Closed"/>.
/// Sending while not connected throws <see cref="LinkNotConnectedException"/> at once (nothing is queued: a command
/// sent into a gap must not go out later by surprise).
/// </summary>
public abstract class StreamGroundLink : IGroundLink
{
    private const int ReadBufferSize = 4096;

    private readonly ReconnectPolicy _policy;
    private readonly Lock _stateLock = new();
    private readonly Lock _writeLock = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly ReceptionGate _reception = new();
    private Stream? _stream;
    private Thread? _reader;
    private LinkState _state = LinkState.Connecting;
    private string _stateDetail = "not opened yet";
    private int _attempt;
    private long _connections;

    /// <summary>Creates the link; <see cref="Open"/> connects it.</summary>
    protected StreamGroundLink(string description, ReconnectPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(policy);
        Description = description;
        _policy = policy;
    }

    /// <inheritdoc />
    /// <remarks>What arrives before the first handler subscribes is held for it (<see cref="ReceptionGate"/>).</remarks>
    public event Action<byte[], int, int>? Received
    {
        add => _reception.Add(value);
        remove => _reception.Remove(value);
    }

    /// <inheritdoc />
    public event Action<LinkStateChange>? StateChanged;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public LinkState State
    {
        get { lock (_stateLock) return _state; }
    }

    /// <summary>Connections made so far (the first and each reconnection).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Octets received so far.</summary>
    public long OctetsReceived { get; private set; }

    /// <summary>Makes the first connection (one attempt, no retries) and starts the reader.</summary>
    /// <exception cref="IOException">The connection could not be made; the message says why.</exception>
    public void Open()
    {
        if (_reader is not null) throw new InvalidOperationException($"{Description} is already open");
        try
        {
            Connect();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException)
        {
            SetState(new LinkStateChange(LinkState.Closed, e.Message));
            throw new IOException($"cannot open {Description}: {e.Message}", e);
        }
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"link reader {Description}" };
        _reader.Start();
    }

    /// <inheritdoc />
    public void Send(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_writeLock)
        {
            Stream? stream;
            LinkState state;
            string detail;
            lock (_stateLock)
            {
                stream = _stream;
                state = _state;
                detail = _stateDetail;
            }
            if (state != LinkState.Connected) throw NotConnected(state, detail, null);
            if (stream is null) throw NotConnected(LinkState.Reconnecting, "the connection was lost", null);
            try
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
            {
                // The reader notices the broken stream too and reconnects; closing it makes sure it does.
                CloseQuietly(stream);
                throw NotConnected(LinkState.Reconnecting, e.Message, e);
            }
        }
    }

    /// <summary>Closes the link and stops the reader.</summary>
    public void Dispose()
    {
        if (_disposing.IsCancellationRequested) return;
        _disposing.Cancel();
        Stream? stream;
        lock (_stateLock) stream = _stream;
        if (stream is not null) CloseQuietly(stream);
        if (_reader is not null && _reader != Thread.CurrentThread) _reader.Join(TimeSpan.FromSeconds(2));
        SetState(new LinkStateChange(LinkState.Closed, "closed"));
        DisposeResources();
        _disposing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the underlying stream (called on the first connection and on each reconnection attempt).</summary>
    /// <remarks>The token is cancelled when the link is disposed.</remarks>
    protected abstract Stream OpenStream(CancellationToken cancellation);

    /// <summary>Closes a stream <see cref="OpenStream"/> returned (and whatever carries it).</summary>
    protected abstract void CloseStream(Stream stream);

    /// <summary>"connected to …" for the state event.</summary>
    protected virtual string ConnectedDetail => $"connected to {Description}";

    /// <summary>Releases whatever the subclass keeps beyond the streams.</summary>
    protected virtual void DisposeResources()
    {
    }

    /// <summary>True for a read exception that means "no data yet, keep reading" (a serial port's read timeout).</summary>
    protected virtual bool IsIdle(Exception exception) => exception is TimeoutException;

    private void Connect()
    {
        Stream stream = OpenStream(_disposing.Token);
        lock (_stateLock) _stream = stream;
        Interlocked.Increment(ref _connections);
        SetState(new LinkStateChange(LinkState.Connected, ConnectedDetail));
    }

    private void ReadLoop()
    {
        var buffer = new byte[ReadBufferSize];
        while (!_disposing.IsCancellationRequested)
        {
            Stream? stream;
            lock (_stateLock) stream = _stream;
            string why;
            try
            {
                int read = stream?.Read(buffer, 0, buffer.Length) ?? 0;
                if (read > 0)
                {
                    OctetsReceived += read;
                    _reception.Deliver(buffer, 0, read);
                    continue;
                }
                why = "the other end closed the connection";
            }
            catch (Exception e) when (IsIdle(e))
            {
                continue;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                why = e.InnerException?.Message ?? e.Message;
            }
            if (_disposing.IsCancellationRequested) return;
            if (stream is not null) CloseQuietly(stream);
            lock (_stateLock) _stream = null;
            if (!Reconnect(why)) return;
        }
    }

    private bool Reconnect(string why)
    {
        for (int attempt = 1; attempt <= _policy.MaxAttempts; attempt++)
        {
            _attempt = attempt;
            SetState(new LinkStateChange(LinkState.Reconnecting, why, attempt, _policy.MaxAttempts));
            if (_disposing.Token.WaitHandle.WaitOne(_policy.DelayBefore(attempt))) return false;
            try
            {
                Connect();
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException)
            {
                if (_disposing.IsCancellationRequested) return false;
                why = e.Message;
            }
        }
        SetState(new LinkStateChange(LinkState.Closed, _policy.MaxAttempts == 0 ? $"connection lost: {why}" : $"gave up after {_policy.MaxAttempts} attempts: {why}"));
        return false;
    }

    private void SetState(LinkStateChange change)
    {
        lock (_stateLock)
        {
            if (_state == LinkState.Closed && change.State == LinkState.Closed) return;
            _state = change.State;
            _stateDetail = change.Detail;
        }
        StateChanged?.Invoke(change);
    }

    private LinkNotConnectedException NotConnected(LinkState state, string detail, Exception? inner)
    {
        string doing = state switch
        {
            LinkState.Reconnecting => $"the connection was lost ({detail}); reconnecting, attempt {Math.Max(_attempt, 1)} of {_policy.MaxAttempts}",
            LinkState.Connecting => "not connected yet",
            _ => $"the link is closed ({detail})",
        };
        return new LinkNotConnectedException(Description, state, $"cannot send on {Description}: {doing}; nothing was sent", inner);
    }

    private void CloseQuietly(Stream stream)
    {
        try
        {
            CloseStream(stream);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Already broken: nothing more to release.
        }
    }
}
