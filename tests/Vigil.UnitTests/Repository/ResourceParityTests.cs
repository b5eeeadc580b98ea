using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Vigil.UnitTests.Repository;

/// <summary>
/// Every page must read the same in English and Welsh, so the two resource files must hold the same keys, and
/// every key the code asks for must exist. These read the files as text: no host, no satellite assembly.
/// </summary>
public partial class ResourceParityTests
{
    private const double MinimumTranslatedShare = 0.9;

    private static readonly string EnglishPath = RepositoryFiles.PathTo("src", "Vigil", "Resources", "SharedResource.resx");
    private static readonly string WelshPath = RepositoryFiles.PathTo("src", "Vigil", "Resources", "SharedResource.cy.resx");

    // A whole string literal naming a key: "Error.Person.Email". A literal ending in "." or followed by "+" is the
    // start of a key built at run time, which cannot be checked here.
    [GeneratedRegex("""(?<![A-Za-z0-9_])"((?:Error|Problem|Binding)\.[A-Za-z0-9.]*[A-Za-z0-9])"(?!\s*\+)""")]
    private static partial Regex KeyLiteral();

    // L["Key"] or L["Key", args] in a view or a page model; L[$"..."] and L["a" + b] are dynamic and skipped.
    [GeneratedRegex("""(?<![A-Za-z0-9_.])(?:L|Localizer|localizer|_localizer)\[\s*"([^"\\{}]+)"\s*[,\]]""")]
    private static partial Regex LocalizerIndexer();

    // {0}, {1:N0}, {2,-10}; doubled braces are literal text, not placeholders.
    [GeneratedRegex(@"\{(\d+)(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void ResourceFiles_EnglishAndWelsh_BothExist()
    {
        Assert.True(File.Exists(EnglishPath), $"English resources not found at {EnglishPath}");
        Assert.True(File.Exists(WelshPath), $"Welsh resources not found at {WelshPath}");
    }

    [Fact]
    public void ResourceFiles_EnglishAndWelsh_SameKeys()
    {
        var english = Load(EnglishPath);
        var welsh = Load(WelshPath);

        var missingInWelsh = english.Keys.Except(welsh.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missingInEnglish = welsh.Keys.Except(english.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            missingInWelsh.Count == 0 && missingInEnglish.Count == 0,
            $"Missing in SharedResource.cy.resx ({missingInWelsh.Count}): {Join(missingInWelsh)}\n" +
            $"Missing in SharedResource.resx ({missingInEnglish.Count}): {Join(missingInEnglish)}");
    }

    [Fact]
    public void ResourceFiles_EveryValue_NotBlank()
    {
        var blank = new List<string>();
        foreach (var (file, resources) in new[] { ("SharedResource.resx", Load(EnglishPath)), ("SharedResource.cy.resx", Load(WelshPath)) })
        {
            blank.AddRange(resources.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => $"{file}: {r.Key}"));
        }

        Assert.True(blank.Count == 0, $"Blank values ({blank.Count}): {Join(blank)}");
    }

    [Fact]
    public void WelshResources_MostValues_DifferFromEnglish()
    {
        var english = Load(EnglishPath);
        var welsh = Load(WelshPath);
        var shared = english.Keys.Intersect(welsh.Keys, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(shared);

        // Names, codes and abbreviations may read the same in both languages; sentences may not.
        var untranslated = shared.Where(k => string.Equals(english[k].Trim(), welsh[k].Trim(), StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var translatedShare = 1.0 - ((double)untranslated.Count / shared.Count);

        Assert.True(
            translatedShare >= MinimumTranslatedShare,
            string.Create(CultureInfo.InvariantCulture, $"Only {translatedShare:P1} of Welsh values differ from English (need {MinimumTranslatedShare:P0}). ") +
            $"Same as English ({untranslated.Count}): {Join(untranslated)}");
    }

    [Fact]
    public void WelshResources_EveryEnglishPlaceholder_Kept()
    {
        var english = Load(EnglishPath);
        var welsh = Load(WelshPath);

        var problems = new List<string>();
        foreach (var key in english.Keys.Intersect(welsh.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var lost = Placeholders(english[key]).Except(Placeholders(welsh[key])).Order().ToList();
            if (lost.Count > 0)
            {
                problems.Add($"{key} lacks {string.Join(", ", lost.Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"))}");
            }
        }

        Assert.True(problems.Count == 0, $"Welsh values missing placeholders ({problems.Count}): {Join(problems)}");
    }

    [Fact]
    public void NamesBuiltFromCodes_ExistInBothLanguages()
    {
        // Pages and alert explanations build keys from codes ("Classification." + code, "Rule." + id): a code with
        // no name would show as its key, so every value of these families must be named in both files.
        var rules = typeof(Vigil.Features.Alerts.IRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "Vigil.Features.Alerts.Rules" } && typeof(Vigil.Features.Alerts.IRule).IsAssignableFrom(t))
            .Select(t => (Vigil.Features.Alerts.IRule)Activator.CreateInstance(t)!).ToList();
        var keys = Enum.GetNames<Vigil.Features.Incidents.Classification>().Select(n => "Classification." + n)
            .Concat(Enum.GetNames<Vigil.Features.Incidents.Behaviour>().Select(n => "Behaviour." + n))
            .Concat(Enum.GetNames<Vigil.Features.Alerts.AlertEvidenceKind>().Select(n => "AlertEvidence." + n))
            .Concat(Enum.GetNames<Vigil.Features.Alerts.AlertSeverity>().Select(n => "AlertSeverity." + n))
            .Concat(Enum.GetNames<Vigil.Features.Risk.RiskTool>().Select(n => "RiskTool." + n))
            .Concat(Enum.GetNames<Vigil.Features.Risk.RiskGrade>().Select(n => "RiskGrade." + n))
            .Concat(Enum.GetNames<Vigil.Features.Considerations.ConsiderationKind>().Select(n => "ConsiderationKind." + n))
            .Concat(Enum.GetNames<Vigil.Features.Considerations.ConsiderationDecision>().Select(n => "ConsiderationDecision." + n))
            .Concat(Enum.GetNames<Vigil.Features.VictimCare.ContactFrequency>().Select(n => "ContactFrequency." + n))
            .Concat(Enum.GetNames<Vigil.Features.VictimCare.ContactMethod>().Select(n => "ContactMethod." + n))
            .Concat(Enum.GetNames<Vigil.Features.VictimCare.VictimInformed>().Select(n => "VictimInformed." + n))
            .Concat(Enum.GetNames<Vigil.Features.Evidence.EvidenceKind>().Select(n => "EvidenceKind." + n))
            .Concat(Enum.GetNames<Vigil.Features.Evidence.EvidenceStatus>().Select(n => "EvidenceStatus." + n))
            .Concat(Enum.GetNames<Vigil.Features.Orders.OrderType>().Select(n => "OrderType." + n))
            .Concat(Enum.GetNames<Vigil.Features.Orders.OrderStatus>().Select(n => "OrderStatus." + n))
            .Concat(Enum.GetNames<Vigil.Features.Orders.BreachAction>().Select(n => "BreachAction." + n))
            .Concat(Enum.GetNames<Vigil.Features.Referrals.ReferralTarget>().Select(n => "ReferralTarget." + n))
            .Concat(Enum.GetNames<Vigil.Features.Referrals.ReferralStatus>().Select(n => "ReferralStatus." + n))
            .Concat(Enum.GetNames<Vigil.Features.People.SightingKind>().Select(n => "SightingKind." + n))
            .Concat(new[] { "Screening", "RiskAssessment", "Consideration", "ContactAgreement", "Evidence", "Order", "Breach", "Referral", "VictimContact", "Advice", "Sighting" }.Select(n => "Safeguarding.Kind." + n))
            .Concat(rules.Select(r => "Rule." + r.Id))
            .Concat(rules.SelectMany(r => r.Thresholds).Select(t => "RuleThreshold." + t.Name))
            .Distinct().ToList();
        var english = Load(EnglishPath);
        var welsh = Load(WelshPath);

        var missing = keys.Where(k => !english.ContainsKey(k) || !welsh.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Names missing ({missing.Count}): {Join(missing)}");
    }

    [Fact]
    public void SourceCode_EveryLiteralResourceKey_ExistsInEnglish()
    {
        var english = Load(EnglishPath);

        var missing = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in RepositoryFiles.Under(Path.Combine("src", "Vigil"), "*.cs", "*.cshtml"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var keys = LocalizerIndexer().Matches(lines[i]).Select(m => m.Groups[1].Value);
                if (file.EndsWith(".cs", StringComparison.Ordinal))
                {
                    keys = keys.Concat(KeyLiteral().Matches(lines[i]).Select(m => m.Groups[1].Value));
                }
                foreach (var key in keys.Where(k => !english.ContainsKey(k)))
                {
                    if (!missing.TryGetValue(key, out var places))
                    {
                        missing[key] = places = [];
                    }
                    places.Add(string.Create(CultureInfo.InvariantCulture, $"{RepositoryFiles.Relative(file)}:{i + 1}"));
                }
            }
        }

        Assert.True(
            missing.Count == 0,
            $"Keys used in src/Vigil but absent from SharedResource.resx ({missing.Count}):\n" +
            string.Join("\n", missing.Select(m => $"  {m.Key}  ({string.Join(", ", m.Value.Distinct())})")));
    }

    [Fact]
    public void MatchExplanations_EveryComparisonFieldAndLevel_HasAName()
    {
        // The explanation page builds these keys from the engine's own field and level lists.
        var english = Load(EnglishPath);
        var missing = new List<string>();
        foreach (var field in Vigil.Linking.Engine.Comparisons.Fields)
        {
            missing.AddRange(new[] { $"Match.Field.{field.Name}" }
                .Concat(Enumerable.Range(0, field.Levels.Length).Select(l => $"Match.Level.{field.Name}.{l}"))
                .Where(key => !english.ContainsKey(key)));
        }
        missing.AddRange(Enum.GetNames<Vigil.Features.People.PossibleMatchStatus>().Select(s => $"MatchStatus.{s}").Where(key => !english.ContainsKey(key)));

        Assert.Empty(missing);
    }

    private static Dictionary<string, string> Load(string path)
    {
        Assert.True(File.Exists(path), $"Resource file not found: {path}");
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            // Only strings: a resx may also embed files or typed values, which carry a type or mimetype.
            if (data.Attribute("type") is not null || data.Attribute("mimetype") is not null)
            {
                continue;
            }
            var name = (string?)data.Attribute("name") ?? "";
            if (!resources.TryAdd(name, data.Element("value")?.Value ?? ""))
            {
                duplicates.Add(name);
            }
        }
        Assert.True(duplicates.Count == 0, $"{Path.GetFileName(path)} defines keys more than once: {Join(duplicates)}");
        return resources;
    }

    private static HashSet<int> Placeholders(string value)
    {
        var withoutEscapes = value.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal);
        return Placeholder().Matches(withoutEscapes).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);
}
