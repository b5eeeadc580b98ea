using System.Globalization;
using System.Resources;

namespace Vigil.Features.Risk;

/// <summary>
/// The words of the risk and screening questions: a force's own wording where it changed it, else Vigil's, in
/// English or Welsh. Read from the resource files by culture so both languages can be shown side by side (the
/// reference-data page edits both at once).
/// </summary>
public static class RiskQuestionText
{
    private static readonly ResourceManager Resources = new("Vigil.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy");

    /// <summary>"cy" when the reader is reading Welsh, else "en".</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy" ? "cy" : "en";

    public static string Wording(RiskReference reference, string questionId, string language) =>
        reference.WordingOf(questionId, language) ?? Resource($"Risk.Question.{questionId}", language);

    public static string Wording(RiskReference reference, string questionId) => Wording(reference, questionId, CurrentLanguage);

    /// <summary>Why the question matters, in the reader's language.</summary>
    public static string Help(string questionId) => Resource($"Risk.Help.{questionId}", CurrentLanguage);

    private static string Resource(string key, string language) =>
        Resources.GetString(key, language == "cy" ? Welsh : CultureInfo.InvariantCulture) ?? key;
}
