using System.Globalization;

namespace Vigil.Linking.Engine;

/// <summary>A person record prepared once for matching: folded, canonicalised and phonetically coded.</summary>
public sealed class PreparedRecord
{
    public required string Id { get; init; }
    public required string Given { get; init; }
    public required string GivenCanonical { get; init; }
    public required string GivenPhonetic { get; init; }
    public required string Family { get; init; }
    public required string FamilyCompact { get; init; }
    public required string FamilyPhonetic { get; init; }
    public required string[] OtherGivenNames { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    public char Sex { get; init; }
    public required string[] Postcodes { get; init; }
    public required string[] AddressTokens { get; init; }
    public required string AddressText { get; init; }
    public required string[] Phones { get; init; }
    public required string[] Emails { get; init; }

    public bool FullDob => Year is not null && Month is not null && Day is not null;

    public static PreparedRecord From(PersonInput input) => From(input, null);

    /// <summary>Prepares a record, sharing repeated strings through <paramref name="pool"/> when one is given (bulk runs).</summary>
    public static PreparedRecord From(PersonInput input, StringPool? pool)
    {
        var share = pool is null ? (Func<string, string>)(s => s) : pool.Share;
        var given = Text.FoldName(input.GivenName);
        var family = Text.FoldName(input.FamilyName);
        // A given name of several words keeps its first as the name people use; the rest count as other names.
        var givenWords = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = givenWords.Length > 0 ? givenWords[0] : "";
        var others = givenWords.Skip(1)
            .Concat((input.Aliases ?? []).Select(Text.FoldName).SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(1)))
            .Where(n => n.Length > 0 && n != first).Distinct(StringComparer.Ordinal).ToArray();
        var (year, month, day) = ParseDob(input.DateOfBirth);
        var addressText = string.Join(' ', (input.Addresses ?? []).Select(Text.FoldName).Where(a => a.Length > 0));
        return new PreparedRecord
        {
            Id = input.Id,
            Given = share(first),
            GivenCanonical = share(Nicknames.Canonical(first)),
            GivenPhonetic = share(Similarity.Phonetic(Nicknames.Canonical(first))),
            Family = share(family),
            FamilyCompact = share(Text.Compact(family)),
            FamilyPhonetic = share(Similarity.Phonetic(family)),
            OtherGivenNames = pool?.Share(others) ?? others,
            Year = year,
            Month = month,
            Day = day,
            Sex = input.Sex?.Trim().ToUpperInvariant() switch { "F" or "FEMALE" => 'F', "M" or "MALE" => 'M', _ => ' ' },
            Postcodes = (input.Postcodes ?? []).Select(Text.Postcode).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(share).ToArray(),
            AddressTokens = addressText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Select(share).ToArray(),
            AddressText = addressText,
            Phones = (input.Phones ?? []).Select(Text.Phone).Where(p => p.Length >= 6).Distinct(StringComparer.Ordinal).ToArray(),
            Emails = (input.Emails ?? []).Select(Text.Email).Where(e => e.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>Reads "yyyy", "yyyy-MM", "yyyy-MM-dd" or "yyyyMMdd"; anything else (or an impossible date) is missing.</summary>
    public static (int? Year, int? Month, int? Day) ParseDob(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }
        var t = text.Trim();
        if (t.Length == 8 && t.All(char.IsAsciiDigit))
        {
            t = $"{t[..4]}-{t[4..6]}-{t[6..]}";
        }
        var parts = t.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1850)
        {
            return (null, null, null);
        }
        int? m = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm) && mm is >= 1 and <= 12 ? mm : null;
        if (parts.Length > 1 && m is null)
        {
            return (y, null, null);
        }
        int? d = parts.Length > 2 && m is int month && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dd) && dd >= 1 && dd <= DateTime.DaysInMonth(y, month) ? dd : null;
        return (y, m, d);
    }
}
