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

    /// <summary>The environment variable that names the radar stimulus's control port (<c>tcp://HOST:PORT</c>, what <c>sim --stimulus</c> prints).</summary>
    public const string StimulusVariable = "PAYLOAD_STIMULUS";

    private BenchTarget(string uri, LinkAddress address, string name, string? stimulus)
    {
        Uri = uri;
        Address = address;
        Name = name;
        Stimulus = stimulus;
    }

    /// <summary>The URI as given.</summary>
    public string Uri { get; }

    /// <summary>The URI parsed.</summary>
    public LinkAddress Address { get; }

    /// <summary>Short name: "sim", "tcp", "serial", "udp" (or <see cref="NameVariable"/>).</summary>
    public string Name { get; }

    /// <summary>The radar stimulus's control port, or null (the in-process board needs none; a real board without one has no stimulus).</summary>
    public string? Stimulus { get; }

    /// <summary>True for the in-process simulated board.</summary>
    public bool IsSimulated => Address.Scheme == LinkScheme.Sim;

    /// <summary>What the bench can do with this target.</summary>
    public Capability Capabilities => IsSimulated
        ? Capability.VirtualTime | Capability.BoardReset | Capability.LinkOutage | Capability.FaultInjection | Capability.RadarStimulus
        : Capability.Reconnect | (Stimulus is null ? Capability.None : Capability.RadarStimulus);

    /// <summary>True when the target has every capability in <paramref name="needed"/>.</summary>
    public bool Has(Capability needed) => (Capabilities & needed) == needed;

    /// <summary>The target <see cref="Variable"/> names, or <c>sim:</c>.</summary>
    /// <exception cref="FormatException">The variable is not a link URI.</exception>
    public static BenchTarget FromEnvironment()
    {
        string? uri = Environment.GetEnvironmentVariable(Variable);
        return Parse(string.IsNullOrWhiteSpace(uri) ? "sim:" : uri.Trim(), Environment.GetEnvironmentVariable(NameVariable),
            Environment.GetEnvironmentVariable(StimulusVariable));
    }

    /// <summary>Reads <paramref name="uri"/>; <paramref name="name"/> overrides the short name; <paramref name="stimulus"/> names a radar stimulus control port.</summary>
    /// <exception cref="FormatException">It is not a link URI the ground can open, or the stimulus is not tcp://HOST:PORT.</exception>
    public static BenchTarget Parse(string uri, string? name = null, string? stimulus = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LinkAddress address = LinkAddress.Parse(uri);
        if (address.Scheme == LinkScheme.Pty)
            throw new FormatException($"{Variable}={uri}: a pty is the simulator's side; give the ground's side as serial://PATH");
        string shortName = string.IsNullOrWhiteSpace(name) ? address.Scheme.ToString().ToLowerInvariant() : name.Trim();
        string? control = string.IsNullOrWhiteSpace(stimulus) ? null : stimulus.Trim();
        if (control is not null && LinkAddress.Parse(control).Scheme != LinkScheme.Tcp)
            throw new FormatException($"{StimulusVariable}={control}: the stimulus control port is tcp://HOST:PORT (what `sim --stimulus` prints)");
        return new BenchTarget(uri, address, shortName, control);
    }

    /// <summary>The capabilities in <paramref name="needed"/> this target lacks, for skip reasons ("BoardReset, LinkOutage").</summary>
    public string Missing(Capability needed) =>
        string.Join(", ", Enum.GetValues<Capability>().Where(c => c != Capability.None && (needed & c) == c && !Has(c)));

    /// <summary>"sim (sim:)".</summary>
    public override string ToString() => $"{Name} ({Uri})";
}
