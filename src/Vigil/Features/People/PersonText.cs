using System.Globalization;
using System.Text;

namespace Vigil.Features.People;

/// <summary>
/// Light normalisation for search only (case, accents and Welsh circumflexes, punctuation, phone formats).
/// Person resolution has its own, fuller normaliser; this one just lets "Siân" find "Sian".
/// </summary>
public static class PersonText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (c != '\'' && c != '\u2019' && !lastWasSpace)
            {
                // Hyphens and spaces both separate words, so "Lloyd-Jones" finds "Lloyd Jones".
                sb.Append(' ');
                lastWasSpace = true;
            }
        }
        return sb.ToString().Trim();
    }

    public static string SearchName(string given, string family, IEnumerable<string> aliases)
    {
        var names = new List<string> { Fold($"{given} {family}") };
        names.AddRange(aliases.Select(Fold).Where(a => a.Length > 0));
        return "|" + string.Join('|', names) + "|";
    }

    /// <summary>UK numbers to national digits: "+44 7700 900123", "0044 7700900123" and "07700 900123" agree.</summary>
    public static string NormalisePhone(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var international = number.TrimStart().StartsWith('+');
        // "+44 (0)7700 900123" is a common written form: the bracketed 0 must not be doubled.
        if (international && digits.StartsWith("44", StringComparison.Ordinal))
        {
            return National(digits[2..]);
        }
        if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            return National(digits[4..]);
        }
        return international ? "+" + digits : digits;
    }

    private static string National(string afterCountryCode) => afterCountryCode.StartsWith('0') ? afterCountryCode : "0" + afterCountryCode;

    public static string NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return "";
        }
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }
}
