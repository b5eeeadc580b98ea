using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Vigil.BrowserTests;

/// <summary>Runs axe-core against the page as it is now and fails with every violation spelled out.</summary>
public static class Axe
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA: the public sector accessibility regulations' bar.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Wait for the progressive-enhancement script, so the page is checked as users see it.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            ResultTypes = [ResultType.Violations],
        });
        if (result.Violations is not { Length: > 0 } violations)
        {
            return;
        }
        var message = new StringBuilder();
        message.AppendLine(FormattableString.Invariant($"{violations.Length} accessibility violation(s) on {page.Url}:"));
        foreach (var violation in violations)
        {
            message.AppendLine(FormattableString.Invariant($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}"));
            foreach (var node in violation.Nodes)
            {
                message.AppendLine(FormattableString.Invariant($"    at {node.Target}: {node.Html}"));
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                {
                    message.AppendLine("      " + check.Message);
                }
            }
        }
        throw new XunitException(message.ToString());
    }
}
