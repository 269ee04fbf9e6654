using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class CleanCodeTests
{
    // Written the way flight code is: everything nanoFramework 1.17 runs, nothing it does not.
    private const string FlightStyleSource = """
        using System;
        using System.Collections;
        using System.Threading;

        namespace Fixture
        {
            public delegate void SampleHandler(int channel, long value);

            public interface ISampleSink
            {
                void Accept(int channel, long value);
                int Count { get; }
            }

            public enum Mode : byte { Idle = 0, Sampling = 1, Fault = 0xFF }

            public struct Sample
            {
                public int Channel;
                public long Value;
                public Sample(int channel, long value) { Channel = channel; Value = value; }
                public override string ToString() { return "ch" + Channel + "=" + Value; }
            }

            public sealed class Recorder : ISampleSink, IDisposable
            {
                private readonly ArrayList _samples = new ArrayList();
                private readonly object _gate = new object();
                private int _count;
                private int[][] _histogram = new int[][] { new int[4], new int[8] };

                public event SampleHandler Sampled;
                public event EventHandler Stopped;

                public int Count { get { return _count; } }

                public void Accept(int channel, long value)
                {
                    lock (_gate)
                    {
                        _samples.Add(new Sample(channel, value));
                        _count++;
                        _histogram[channel & 1][(int)(value & 3)]++;
                    }

                    var handler = Sampled;
                    if (handler != null) { handler(channel, value); }
                }

                public long Sum()
                {
                    long total = 0;
                    foreach (Sample sample in _samples) { total += sample.Value * 3L - (sample.Value >> 2); }
                    ulong mixed = unchecked((ulong)total * 0x9E3779B97F4A7C15UL);
                    return total ^ (long)(mixed >> 33);
                }

                public string Describe(Mode mode)
                {
                    switch (mode)
                    {
                        case Mode.Idle: return "idle";
                        case Mode.Sampling: return $"sampling {_count} samples";
                        default: return "fault";
                    }
                }

                public static int Parse(string text)
                {
                    switch (text)
                    {
                        case "one": return 1;
                        case "two": return 2;
                        case "three": return 3;
                        case "four": return 4;
                        case "five": return 5;
                        case "six": return 6;
                        case "seven": return 7;
                        default:
                            try { return int.Parse(text); }
                            catch (FormatException) { return -1; }
                            catch (Exception e) when (e.Message != null) { return -2; }
                            finally { _parses++; }
                    }
                }

                private static int _parses;

                public void Dispose()
                {
                    var stopped = Stopped;
                    if (stopped != null) { stopped(this, EventArgs.Empty); }
                }
            }

            public static class Pipeline
            {
                public static int Run(ISampleSink sink, int[] channels)
                {
                    int seen = 0;
                    SampleHandler counter = (channel, value) => { seen += channel; };
                    using (var recorder = new Recorder())
                    {
                        recorder.Sampled += counter;
                        recorder.Sampled += (channel, value) => sink.Accept(channel, value);
                        for (var i = 0; i < channels.Length; i++) { recorder.Accept(channels[i], i * 1000L); }
                    }

                    Timer timer = new Timer(state => { seen++; }, null, Timeout.Infinite, Timeout.Infinite);
                    timer.Dispose();
                    return seen;
                }

                public static bool TryScale(ref int value, out int scaled)
                {
                    scaled = unchecked(value * 7 + 3);
                    value = scaled % 11;
                    return scaled > 0 ? true : false;
                }
            }
        }
        """;

    [Fact]
    public void FlightStyleCode_HasNoViolations()
    {
        var report = FixtureCompiler.Check(FlightStyleSource);

        Clean(report);
        Assert.True(report.Stats.IlBytes > 500, $"fixture unexpectedly small: {report.Stats.IlBytes} bytes of IL");
        Assert.StartsWith("NanoCheck: Fixture.dll: 0 violations (IL ", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_ReportsSizesAndLargestType()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class A { public static string One() { return "1"; } public static int Two() { return 2; } }
                public static class B { public static int Three() { return 3; } }
            }
            """);

        Assert.Equal(2, report.Stats.LargestTypeMethodCount);
        Assert.Equal("Fixture.A", report.Stats.LargestTypeName);
        Assert.Equal(
            $"NanoCheck: Fixture.dll: 0 violations (IL {report.Stats.IlBytes} bytes, strings {report.Stats.UserStringBytes} bytes, largest type 2 methods)",
            report.Summary);
    }
}
