using System.Globalization;

namespace Payload.GroundStation.Transports;

/// <summary>
/// A link written as a URI, as the ground tools and the simulator take it on their command lines:
/// <list type="bullet">
/// <item><c>sim:[?baud=N][&amp;seed=N]</c> — the in-process simulated board (virtual time);</item>
/// <item><c>tcp://HOST:PORT</c> — a COBS byte stream over TCP (a simulator process, a serial-to-TCP bridge);</item>
/// <item><c>serial://PATH[?baud=N]</c>, e.g. <c>serial:///dev/ttyUSB0?baud=115200</c> or <c>serial://COM3</c> — a serial port, 8N1;</item>
/// <item><c>udp://HOST:PORT[?listen=PORT][&amp;bind=ADDRESS]</c> — one space packet per datagram, no COBS;</item>
/// <item><c>pty</c> — (simulator side only) a new pseudo-terminal whose other end a ground opens as a serial port.</item>
/// </list>
/// HOST is a name, an IPv4 address or a bracketed IPv6 address ([::1]). Query options not listed for a scheme are refused.
/// </summary>
public sealed record LinkAddress
{
    /// <summary>The default serial speed when a URI gives none (the flight link's).</summary>
    public const int DefaultBaud = Flight.Config.FlightConfiguration.LinkBaudRate;

    private static readonly Dictionary<LinkScheme, string[]> Options = new()
    {
        [LinkScheme.Sim] = ["baud", "seed"],
        [LinkScheme.Tcp] = [],
        [LinkScheme.Serial] = ["baud"],
        [LinkScheme.Udp] = ["listen", "bind"],
        [LinkScheme.Pty] = ["baud"],
    };

    private IReadOnlyDictionary<string, string> _query = new Dictionary<string, string>();

    /// <summary>The kind of link.</summary>
    public required LinkScheme Scheme { get; init; }

    /// <summary>The host (tcp, udp); "" otherwise.</summary>
    public string Host { get; init; } = "";

    /// <summary>The port (tcp, udp; 0 lets a listener pick one); 0 otherwise.</summary>
    public int Port { get; init; }

    /// <summary>The device path (serial); "" otherwise.</summary>
    public string Path { get; init; } = "";

    /// <summary>The query options, by name.</summary>
    public IReadOnlyDictionary<string, string> Query
    {
        get => _query;
        init => _query = value;
    }

    /// <summary>The baud rate (serial, pty, sim), <see cref="DefaultBaud"/> when not given.</summary>
    public int Baud => Integer("baud", DefaultBaud, 50, 100_000_000);

    /// <summary>udp: the local port telemetry datagrams are received on (0: any free port).</summary>
    public int ListenPort => Integer("listen", 0, 0, 65535);

    /// <summary>udp: the local address to receive on ("0.0.0.0" when not given).</summary>
    public string BindAddress => Query.GetValueOrDefault("bind") ?? "0.0.0.0";

    /// <summary>Reads <paramref name="uri"/>.</summary>
    /// <exception cref="FormatException">It is not one of the forms above; the message says what is wrong and what is allowed.</exception>
    public static LinkAddress Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string text = uri.Trim();
        if (text == "pty") return new LinkAddress { Scheme = LinkScheme.Pty };
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw Bad(uri, "no scheme; links are sim:, tcp://HOST:PORT, serial://PATH[?baud=N], udp://HOST:PORT[?listen=PORT] or (for the simulator) pty");
        string schemeText = text[..colon].ToLowerInvariant();
        LinkScheme scheme = schemeText switch
        {
            "sim" => LinkScheme.Sim,
            "tcp" => LinkScheme.Tcp,
            "serial" => LinkScheme.Serial,
            "udp" => LinkScheme.Udp,
            "pty" => LinkScheme.Pty,
            _ => throw Bad(uri, $"unknown scheme '{schemeText}' (schemes: sim, tcp, serial, udp, pty)"),
        };
        string rest = text[(colon + 1)..];
        string queryText = "";
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            queryText = rest[(question + 1)..];
            rest = rest[..question];
        }
        Dictionary<string, string> query = ParseQuery(uri, queryText, Options[scheme]);

        var address = scheme switch
        {
            LinkScheme.Tcp or LinkScheme.Udp => HostAndPort(uri, scheme, rest),
            LinkScheme.Serial => SerialPath(uri, rest),
            _ when rest.Trim('/').Length == 0 => new LinkAddress { Scheme = scheme },
            _ => throw Bad(uri, $"{schemeText}: takes no host or path, only options after '?'"),
        };
        address = address with { Query = query };
        _ = address.Baud; // validates the numbers now rather than at first use
        _ = address.ListenPort;
        if (query.TryGetValue("seed", out string? seed) && !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            throw Bad(uri, $"seed must be an integer, not '{seed}'");
        return address;
    }

    /// <summary>The integer option <paramref name="name"/> in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException">The value is not such an integer.</exception>
    public int Integer(string name, int fallback, int min, int max)
    {
        if (!Query.TryGetValue(name, out string? text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw Bad(ToString(), $"{name} must be an integer in {min}..{max}, not '{text}'");
        return value;
    }

    /// <summary>The URI in its canonical form.</summary>
    public override string ToString()
    {
        string query = Query.Count == 0 ? "" : "?" + string.Join('&', Query.Select(p => $"{p.Key}={p.Value}"));
        return Scheme switch
        {
            LinkScheme.Tcp => $"tcp://{FormatHost(Host)}:{Port}{query}",
            LinkScheme.Udp => $"udp://{FormatHost(Host)}:{Port}{query}",
            LinkScheme.Serial => $"serial://{Path}{query}",
            LinkScheme.Pty => $"pty{query}",
            _ => $"sim:{query}",
        };
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    private static LinkAddress HostAndPort(string uri, LinkScheme scheme, string rest)
    {
        string name = scheme.ToString().ToLowerInvariant();
        if (!rest.StartsWith("//", StringComparison.Ordinal)) throw Bad(uri, $"write {name}://HOST:PORT");
        string authority = rest[2..].TrimEnd('/');
        string host;
        string portText;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= authority.Length || authority[close + 1] != ':') throw Bad(uri, $"write {name}://[IPv6]:PORT");
            host = authority[1..close];
            portText = authority[(close + 2)..];
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            if (colon < 0) throw Bad(uri, $"no port; write {name}://HOST:PORT");
            host = authority[..colon];
            portText = authority[(colon + 1)..];
        }
        if (host.Length == 0) throw Bad(uri, $"no host; write {name}://HOST:PORT");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            throw Bad(uri, $"the port must be a number in 0..65535, not '{portText}'");
        return new LinkAddress { Scheme = scheme, Host = host, Port = port };
    }

    private static LinkAddress SerialPath(string uri, string rest)
    {
        // serial:///dev/ttyUSB0 (empty authority), serial://COM3, or the short serial:/dev/ttyUSB0.
        string path = rest.StartsWith("///", StringComparison.Ordinal) ? rest[2..]
            : rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..]
            : rest;
        if (path.Length == 0 || path == "/") throw Bad(uri, "no device; write serial:///dev/ttyUSB0?baud=115200 (or serial://COM3)");
        return new LinkAddress { Scheme = LinkScheme.Serial, Path = path };
    }

    private static Dictionary<string, string> ParseQuery(string uri, string queryText, string[] allowed)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in queryText.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!allowed.Contains(key))
                throw Bad(uri, $"unknown option '{key}'" + (allowed.Length == 0 ? " (this scheme takes none)" : $" (options: {string.Join(", ", allowed)})"));
            if (!query.TryAdd(key, value)) throw Bad(uri, $"option '{key}' is given twice");
        }
        return query;
    }

    private static FormatException Bad(string uri, string problem) => new($"link '{uri}': {problem}");
}
