using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>The one accessibility audit the browser tests run: axe-core's WCAG 2.x A and AA rules.</summary>
internal static class AxeAudit
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>
    /// Fails on what axe-core rates serious or critical (contrast, names, labels, roles), listed with where it is.
    /// With <paramref name="within"/>, only findings on nodes under that selector count, and the audit must have
    /// passed rules on some of them (so it did look there, e.g. inside a shadow root).
    /// </summary>
    public static async Task AssertNoSeriousFindingsAsync(IPage page, string state, string? within = null)
    {
        var result = await page.RunAxe(WcagAa);
        bool Counts(AxeResultNode node) => within is null || node.Target?.ToString().Contains(within, StringComparison.Ordinal) == true;
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Where(Counts).Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target}: {n.Html}"))
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {state}:\n{string.Join("\n", serious)}");
        if (within is not null) Assert.Contains(result.Passes, rule => rule.Nodes.Any(Counts));
    }
}
