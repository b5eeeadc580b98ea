namespace Vigil.Infrastructure.Http;

/// <summary>
/// Parses enumeration names from requests. Enum.TryParse alone would also accept numbers ("3") and
/// undefined values; the API and the timeline format accept names only, in any case.
/// </summary>
public static class EnumInput
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        // A comma would make Enum.TryParse combine flags: "StalkingS4A, Harassment" must not become a third value.
        if (!char.IsLetter(trimmed[0]) || trimmed.Contains(',', StringComparison.Ordinal) || !Enum.TryParse(trimmed, ignoreCase: true, out value))
        {
            return false;
        }
        return Enum.IsDefined(value);
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>Parses a list, naming each bad item by index, and drops duplicates.</summary>
    public static List<T> ParseList<T>(List<string>? items, string field, string messageKey, ValidationErrors errors) where T : struct, Enum
    {
        var result = new List<T>();
        if (items is null)
        {
            return result;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (TryParse<T>(items[i], out var value))
            {
                if (!result.Contains(value))
                {
                    result.Add(value);
                }
            }
            else
            {
                errors.Add($"{field}[{i}]", messageKey, Names<T>());
            }
        }
        return result;
    }
}
