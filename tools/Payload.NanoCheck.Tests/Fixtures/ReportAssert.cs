using Payload.NanoCheck.Reporting;

namespace Payload.NanoCheck.Tests.Fixtures;

/// <summary>Assertions on check reports that print every violation when they fail.</summary>
public static class ReportAssert
{
    /// <summary>Asserts a violation of <paramref name="ruleId"/> on a member containing <paramref name="member"/> whose message contains <paramref name="text"/>.</summary>
    public static Violation Reported(CheckReport report, string ruleId, string member, string? text = null)
    {
        var match = report.Violations.FirstOrDefault(violation =>
            violation.RuleId == ruleId
            && violation.Member.Contains(member, StringComparison.Ordinal)
            && (text is null || violation.Message.Contains(text, StringComparison.Ordinal)));
        Assert.True(match is not null, $"expected {ruleId} on '{member}'{(text is null ? string.Empty : $" mentioning '{text}'")}; got:\n{Describe(report)}");
        return match!;
    }

    /// <summary>Asserts that no violation of <paramref name="ruleId"/> was reported.</summary>
    public static void NotReported(CheckReport report, string ruleId) =>
        Assert.True(report.Violations.All(violation => violation.RuleId != ruleId), $"unexpected {ruleId}; got:\n{Describe(report)}");

    /// <summary>Asserts that the report is clean.</summary>
    public static void Clean(CheckReport report) =>
        Assert.True(report.IsClean, $"expected no violations; got:\n{Describe(report)}");

    private static string Describe(CheckReport report) =>
        report.Violations.Count == 0 ? "(none)" : string.Join("\n", report.Violations);
}
