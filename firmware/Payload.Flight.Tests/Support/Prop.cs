using CsCheck;

namespace Payload.Flight.Tests.Support;

/// <summary>Deterministic property checks on CsCheck generators.</summary>
/// <remarks>
/// CsCheck's <c>Sample(seed: ...)</c> pins only the first iteration; the rest come from a per-thread random PCG, so
/// two runs test different inputs. Here every iteration is drawn from one PCG with a fixed stream and seed, so a
/// run is repeatable. On a failure the failing input's CsCheck seed is handed to <c>Sample</c>, which shrinks from
/// it, and the report carries both seeds so the case can be replayed with <c>Sample(seed: ...)</c>.
/// </remarks>
internal static class Prop
{
    /// <summary>Checks <paramref name="assert"/> on <paramref name="iterations"/> inputs drawn from <paramref name="gen"/> with a fixed seed.</summary>
    public static void ForAll<T>(Gen<T> gen, Action<T> assert, ulong seed, int iterations = 200)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < iterations; i++)
        {
            ulong state = pcg.State;
            T value = gen.Generate(pcg, null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception failure)
            {
                string replay = pcg.ToString(state);
                string shrunk;
                try
                {
                    gen.Sample(assert, seed: replay, iter: 5000, threads: 1);
                    shrunk = "(the failure did not reproduce under CsCheck)";
                }
                catch (CsCheckException shrinkReport)
                {
                    shrunk = shrinkReport.Message;
                }

                throw new Xunit.Sdk.XunitException(
                    $"Property failed at iteration {i} (seed {seed}); replay with Sample(seed: \"{replay}\").\n" +
                    $"Shrunk: {shrunk}\nOriginal failure: {failure}");
            }
        }
    }
}
