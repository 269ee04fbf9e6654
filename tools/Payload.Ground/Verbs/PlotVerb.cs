using Payload.GroundStation.Archive;
using Payload.GroundStation.Reports;

namespace Payload.Ground.Verbs;

/// <summary>plot: draws an archived pass as PNG (pulse train, antenna pattern with both fits, housekeeping), and with --report writes its pass report.</summary>
public static class PlotVerb
{
    /// <summary>Runs the verb; 0 when the files were written (and, with --report, every product agreed), 1 when not.</summary>
    /// <exception cref="UsageException">An option is wrong.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (path, rest) = ArchiveLocation.Take("plot", arguments);
        var options = new OptionReader("plot", rest, ["--pass", "--out"], ["--report"]);
        string passText = options.Value("--pass") ?? throw new UsageException("plot: give --pass ID (`archive passes` lists them)");
        if (!long.TryParse(passText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long passId) || passId < 1)
            throw new UsageException($"plot: --pass must be a pass number from `archive passes`, not '{passText}'");
        string directory = options.Value("--out") ?? throw new UsageException("plot: give --out DIR (the PNG files go there)");

        using ArchiveReader? archive = ArchiveLocation.Open(path, error);
        if (archive is null) return 1;
        PassData pass;
        try
        {
            pass = archive.LoadPass(passId);
        }
        catch (KeyNotFoundException e)
        {
            error.WriteLine($"error: {e.Message.Trim('"')}");
            return 1;
        }
        if (pass.Products?.Products is null)
        {
            error.WriteLine($"error: pass {passId} has no products in {archive.Path} yet ({pass.Pulses.Count} raw record(s)): the antenna pattern and the report need them; fly the pass to its end or replay its ST[13] parts");
            return 1;
        }

        PassReportInput input = PassReportInput.FromArchive(pass);
        if (options.Has("--report"))
        {
            PassReportResult result = PassReport.Write(directory, input);
            foreach (string image in result.Images) output.WriteLine($"wrote {image}");
            output.WriteLine($"wrote {result.MarkdownPath}: " + (result.AllAgree
                ? $"all {result.Comparison.Count} products agree with the ground within tolerance"
                : $"{result.Failures} of {result.Comparison.Count} products beyond tolerance"));
            return result.AllAgree ? 0 : 1;
        }
        foreach (string image in PassReport.WritePlots(directory, input)) output.WriteLine($"wrote {image}");
        return 0;
    }
}
