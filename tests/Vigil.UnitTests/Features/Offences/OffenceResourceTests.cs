using System.Text.RegularExpressions;
using System.Xml.Linq;
using Vigil.Features.Evidence;
using Vigil.Features.Offences;
using Vigil.UnitTests.Repository;

namespace Vigil.UnitTests.Features.Offences;

/// <summary>
/// The guidance and the impact evidence form build keys from codes ("Guidance.Point." + point) and name notes by
/// literal keys the general parity test does not look for: every one must be in both languages.
/// </summary>
public sealed partial class OffenceResourceTests
{
    [GeneratedRegex("""(?<![A-Za-z0-9_])"(Guidance\.[A-Za-z0-9.]*[A-Za-z0-9])"(?!\s*\+)""")]
    private static partial Regex GuidanceKey();

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(RepositoryFiles.PathTo("src", "Vigil", "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    [Fact]
    public void EveryNameAndNoteTheGuidanceUses_InBothLanguages()
    {
        var keys = Enum.GetNames<Point>().Select(p => $"Guidance.Point.{p}")
            .Concat(Enum.GetNames<Offence>().SelectMany(o => new[] { $"Offence.{o}.Name", $"Offence.{o}.Act" }))
            .Concat(Enum.GetNames<PointStatus>().Select(s => $"PointStatus.{s}"))
            .Concat(Enum.GetNames<ImpactEffect>().Select(e => $"ImpactEffect.{e}"))
            .Concat(Enum.GetNames<ImpactEvidenceKind>().Select(k => $"ImpactEvidenceKind.{k}"))
            .Concat(Enum.GetNames<EvidenceKind>().Select(k => $"Guidance.Helps.{k}"))
            .Concat(["Guidance.Helps.ImpactEvidence", "Safeguarding.Kind.ImpactEvidence", "Alert.ConsiderS4A.Impact", "Alert.ConsiderS4A.ImpactStatement"])
            .Concat(RepositoryFiles.Under(Path.Combine("src", "Vigil", "Features", "Offences"), "*.cs")
                .SelectMany(f => GuidanceKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)))
            .Distinct().ToList();
        var english = Keys("SharedResource.resx");
        var welsh = Keys("SharedResource.cy.resx");

        var missing = keys.Where(k => !english.Contains(k) || !welsh.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(keys.Count > 60, "The scan found too few keys to be looking in the right place");
        Assert.True(missing.Count == 0, $"Missing ({missing.Count}): {string.Join(", ", missing)}");
    }
}
