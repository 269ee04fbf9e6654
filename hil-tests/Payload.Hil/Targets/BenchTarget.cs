using Payload.GroundStation.Transports;

namespace Payload.Hil;

/// <summary>
/// The payload the bench talks to, as a link URI (<c>sim:</c>, <c>tcp://HOST:PORT</c>, <c>serial:///dev/ttyUSB0?baud=115200</c>,
/// <c>udp://…</c>; see <see cref="LinkAddress"/>), with a short name for test names and reports and what it allows.
/// </summary>
public sealed record BenchTarget
{
    /// <summary>The environment variable that names the target (default <c>sim:</c>).</summary>
    public const string Variable = "PAYLOAD_TARGET";

    /// <summary>The environment variable that overrides the target's short name in test names and log paths.</summary>
    public const string NameVariable = "PAYLOAD_TARGET_NAME";

    /// <summary>The environment variable that names the bench control port (<c>tcp://HOST:PORT</c>, what <c>sim --control</c> prints).</summary>
    public const string ControlVariable = "PAYLOAD_BENCH_CONTROL";

    /// <summary>What the in-process board offers: everything, in virtual time.</summary>
    public const Capability SimulatedCapabilities =
        Capability.VirtualTime | Capability.BoardReset | Capability.LinkOutage | Capability.FaultInjection | Capability.RadarStimulus;

    /// <summary>What a bench control port adds (its instruments: the radar stimulus, the power supply, the link switch).</summary>
    public const Capability ControlCapabilities = Capability.RadarStimulus | Capability.BoardReset | Capability.LinkOutage;

    private BenchTarget(string uri, LinkAddress address, string name, string? control)
    {
        Uri = uri;
        Address = address;
        Name = name;
        Control = control;
    }

    /// <summary>The URI as given.</summary>
    public string Uri { get; }

    /// <summary>The URI parsed.</summary>
    public LinkAddress Address { get; }

    /// <summary>Short name: "sim", "tcp", "serial", "udp" (or <see cref="NameVariable"/>).</summary>
    public string Name { get; }

    /// <summary>The bench control port, or null (the in-process board needs none; a bench without one has no instruments).</summary>
    public string? Control { get; }

    /// <summary>True for the in-process simulated board.</summary>
    public bool IsSimulated => Address.Scheme == LinkScheme.Sim;

    /// <summary>What the bench can do with this target.</summary>
    /// <remarks>The in-process board does everything itself; a link target can reconnect, and with a bench control port it
    /// also has that port's instruments.</remarks>
    public Capability Capabilities => IsSimulated
        ? SimulatedCapabilities
        : Capability.Reconnect | (Control is null ? Capability.None : ControlCapabilities);

    /// <summary>True when the target has every capability in <paramref name="needed"/>.</summary>
    public bool Has(Capability needed) => (Capabilities & needed) == needed;

    /// <summary>The target <see cref="Variable"/> names, or <c>sim:</c>.</summary>
    /// <exception cref="FormatException">The variable is not a link URI.</exception>
    public static BenchTarget FromEnvironment()
    {
        string? uri = Environment.GetEnvironmentVariable(Variable);
        return Parse(string.IsNullOrWhiteSpace(uri) ? "sim:" : uri.Trim(), Environment.GetEnvironmentVariable(NameVariable),
            Environment.GetEnvironmentVariable(ControlVariable));
    }

    /// <summary>Reads <paramref name="uri"/>; <paramref name="name"/> overrides the short name; <paramref name="control"/> names a bench control port.</summary>
    /// <exception cref="FormatException">It is not a link URI the ground can open, or the control port is not tcp://HOST:PORT.</exception>
    public static BenchTarget Parse(string uri, string? name = null, string? control = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LinkAddress address = LinkAddress.Parse(uri);
        if (address.Scheme == LinkScheme.Pty)
            throw new FormatException($"{Variable}={uri}: a pty is the simulator's side; give the ground's side as serial://PATH");
        string shortName = string.IsNullOrWhiteSpace(name) ? address.Scheme.ToString().ToLowerInvariant() : name.Trim();
        string? port = string.IsNullOrWhiteSpace(control) ? null : control.Trim();
        if (port is not null && LinkAddress.Parse(port).Scheme != LinkScheme.Tcp)
            throw new FormatException($"{ControlVariable}={port}: the bench control port is tcp://HOST:PORT (what `sim --control` prints)");
        return new BenchTarget(uri, address, shortName, port);
    }

    /// <summary>The capabilities in <paramref name="needed"/> this target lacks, for skip reasons ("BoardReset, LinkOutage").</summary>
    public string Missing(Capability needed) =>
        string.Join(", ", Enum.GetValues<Capability>().Where(c => c != Capability.None && (needed & c) == c && !Has(c)));

    /// <summary>"sim (sim:)".</summary>
    public override string ToString() => $"{Name} ({Uri})";
}
