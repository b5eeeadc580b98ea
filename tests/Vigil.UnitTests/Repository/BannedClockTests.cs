using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.UnitTests.Repository;

/// <summary>
/// The analyzer bans the system clock; this catches anything that slips past it (a suppression, a project
/// without the analyzer). Time comes from an injected TimeProvider so tests and replays control it.
/// </summary>
public partial class BannedClockTests
{
    [GeneratedRegex(@"\bDateTime(?:Offset)?\s*\.\s*(?:Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();

    [Fact]
    public void SourceCode_NoFile_ReadsTheSystemClock()
    {
        var offences = new List<string>();
        foreach (var file in RepositoryFiles.Under("src", "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // Comments may name the banned members to explain why; code may not use them.
                var trimmed = lines[i].TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal))
                {
                    continue;
                }
                var match = SystemClock().Match(lines[i]);
                if (match.Success)
                {
                    offences.Add(string.Create(CultureInfo.InvariantCulture, $"{RepositoryFiles.Relative(file)}:{i + 1}: {match.Value}"));
                }
            }
        }

        Assert.True(offences.Count == 0, $"System clock read directly:\n{string.Join("\n", offences)}");
    }

    [Fact]
    public void SourceCode_Scan_FindsTheFeatureFiles()
    {
        // Guards the test above against passing because it scanned nothing.
        var files = RepositoryFiles.Under("src", "*.cs").Select(RepositoryFiles.Relative).ToList();

        Assert.Contains("src/Vigil/Features/People/PartialDate.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/obj/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal));
    }
}
