using Vigil.Infrastructure.Http;

namespace Vigil.Features.Risk;

public static class RiskAnswers
{
    public const int MaximumAnswers = 60;

    /// <summary>
    /// Checks answers keyed by question id: every id must be a question of <paramref name="tool"/> (ids are the
    /// timeline format's: dash01–dash27, st01–st11, ht1–ht8), each at most once.
    /// </summary>
    public static Dictionary<string, bool> Parse(IReadOnlyDictionary<string, bool>? answers, RiskTool tool, string field, ValidationErrors errors) =>
        ParseChanges(answers?.ToDictionary(a => a.Key, a => (bool?)a.Value), tool, field, errors)
            .ToDictionary(a => a.Key, a => a.Value ?? false, StringComparer.Ordinal);

    /// <summary>The same for changes to a draft's answers: a value sets an answer, null clears it ("not known").</summary>
    public static Dictionary<string, bool?> ParseChanges(IReadOnlyDictionary<string, bool?>? answers, RiskTool tool, string field, ValidationErrors errors)
    {
        var result = new Dictionary<string, bool?>(StringComparer.Ordinal);
        if (answers is null)
        {
            return result;
        }
        if (answers.Count > MaximumAnswers)
        {
            errors.Add(field, "Error.List.TooMany", MaximumAnswers);
            return result;
        }
        foreach (var (id, answer) in answers)
        {
            var key = id.Trim().ToLowerInvariant();
            if (RiskQuestions.ToolOf(key) != tool)
            {
                errors.Add($"{field}.{id}", "Error.Answers.UnknownQuestion", id, RiskQuestions.Range(tool));
            }
            else if (!result.TryAdd(key, answer))
            {
                errors.Add($"{field}.{id}", "Error.Answers.Twice", id);
            }
        }
        return result;
    }
}
