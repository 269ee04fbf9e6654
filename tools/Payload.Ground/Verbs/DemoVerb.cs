using Payload.Ground.Demo;

namespace Payload.Ground.Verbs;

/// <summary>demo: the scripted session against the in-process simulated board.</summary>
public static class DemoVerb
{
    /// <summary>Runs the verb; 0 when every expectation held, 1 when not.</summary>
    /// <exception cref="UsageException">An option is wrong.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var options = new OptionReader("demo", arguments, ["--seconds", "--radar", "--out"], ["--quiet"]);
        double? seconds = options.Value("--seconds") is null ? null : options.PositiveNumber("--seconds", 0);
        DemoRadar radar = options.Value("--radar") switch
        {
            null or "nisar" => DemoRadar.Nisar,
            "sentinel1" => DemoRadar.Sentinel1,
            var other => throw new UsageException($"demo: --radar must be nisar or sentinel1, not '{other}'"),
        };
        return new DemoSession(seconds, options.Has("--quiet"), radar, options.Value("--out") ?? "out/demo").Run(output);
    }
}
