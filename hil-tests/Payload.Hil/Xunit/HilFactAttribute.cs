using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;

namespace Payload.Hil;

/// <summary>
/// A HIL test: a fact whose name carries the target ("ModeSuite.StandbyFromSafe [tcp]"), with a trait
/// <c>Target=tcp</c>, so runs of the same suites against several targets stay apart in the JUnit files; skipped with
/// the reason when the target lacks a capability the test <see cref="Requires"/>; <see cref="Slow"/> tests carry the
/// trait <c>Category=Slow</c>, which real-time runs may filter out (<c>--filter Category!=Slow</c>).
/// </summary>
[TraitDiscoverer("Payload.Hil.HilTraitDiscoverer", "Payload.Hil")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HilFactAttribute : FactAttribute, ITraitAttribute
{
    private readonly string _name;

    /// <summary>Creates the attribute; the caller's file and member name the test.</summary>
    public HilFactAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        _name = $"{Path.GetFileNameWithoutExtension(file.Replace('\\', '/'))}.{test}";
    }

    /// <summary>What the target must allow; without it the test is skipped, saying what is missing.</summary>
    public Capability Requires { get; set; }

    /// <summary>True for a test that waits long (virtual time is free; real time is not): trait Category=Slow.</summary>
    public bool Slow { get; set; }

    /// <summary>"Class.Method [target]".</summary>
    public override string DisplayName
    {
        get => base.DisplayName ?? $"{_name} [{TargetName}]";
        set => base.DisplayName = value;
    }

    /// <summary>The reason given, or why the target cannot run the test.</summary>
    public override string Skip
    {
        get
        {
            if (base.Skip is { } reason) return reason;
            if (Requires == Capability.None || Target is not { } target || target.Has(Requires)) return null!;
            Capability missing = Requires & ~target.Capabilities;
            string hint = (missing & ~BenchTarget.ControlCapabilities) == Capability.None
                ? $" (runs against sim:, or name a bench control port in {BenchTarget.ControlVariable})" : " (runs against sim:)";
            return $"needs {target.Missing(Requires)}, which {BenchTarget.Variable}={target.Uri} does not offer{hint}";
        }
        set => base.Skip = value;
    }

    /// <summary>The target of this run, or null when the environment names none that parses (the bench then says why).</summary>
    internal static BenchTarget? Target
    {
        get
        {
            try
            {
                return BenchTarget.FromEnvironment();
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>The short name of the target of this run.</summary>
    internal static string TargetName => Target?.Name ?? "invalid-target";
}
