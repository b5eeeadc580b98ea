using System.Globalization;
using System.Text;

namespace Vigil.Linking.Engine;

/// <summary>
/// Normalisation of names, phones, emails and postcodes for matching. Written for British and Welsh records:
/// accents and Welsh circumflexes fold away, titles go, hyphens and apostrophes do not split a surname's sound,
/// and short forms map to one canonical given name.
/// </summary>
public static class Text
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "lady", "lord", "dame", "jnr", "jr", "snr", "sr",
    };

    /// <summary>Lower case, no accents, letters and digits only, single spaces, titles removed.</summary>
    public static string FoldName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '.')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Titles.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>The name with spaces removed: "lloyd jones" and "lloydjones" compare equal.</summary>
    public static string Compact(string folded) => folded.Replace(" ", "", StringComparison.Ordinal);

    public static string Phone(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var international = number.TrimStart().StartsWith('+');
        string national;
        if (international && digits.StartsWith("44", StringComparison.Ordinal))
        {
            national = digits[2..];
        }
        else if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            national = digits[4..];
        }
        else
        {
            return international ? "+" + digits : digits;
        }
        return national.StartsWith('0') ? national : "0" + national;
    }

    public static string Email(string? email) => string.IsNullOrWhiteSpace(email) ? "" : email.Trim().ToLowerInvariant();

    public static string Postcode(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? "" : new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    /// <summary>The outward part of a UK postcode ("SA31" of "SA31 1AB"); the whole value when it is not UK-shaped.</summary>
    public static string PostcodeDistrict(string compact) => compact.Length >= 5 ? compact[..^3] : compact;

    /// <summary>As <see cref="PostcodeDistrict"/>, without making a string (it is compared for every scored pair).</summary>
    public static ReadOnlySpan<char> PostcodeDistrictSpan(string compact) => compact.Length >= 5 ? compact.AsSpan(0, compact.Length - 3) : compact;
}
