using System.Globalization;

namespace Vigil.Features.People;

/// <summary>
/// A date of birth as far as it is known: a year, a year and month, or a full date. Police records often
/// hold only an age band or a year; matching must treat "1991" as compatible with "1991-11-03".
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        if (parts[0].Length != 4)
        {
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 && parts[1].Length <= 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 && parts[2].Length <= 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if ((parts.Length > 1 && month is null) || (parts.Length > 2 && day is null))
        {
            return false;
        }
        return TryCreate(year, month, day, out value);
    }

    public static bool TryCreate(int year, int? month, int? day, out PartialDate value)
    {
        value = default;
        if (year is < 1850 or > 9999 || (day is not null && month is null))
        {
            return false;
        }
        if (month is not null && month is < 1 or > 12)
        {
            return false;
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            return false;
        }
        value = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The earliest day this date can denote, so "born in the future" can be refused.</summary>
    public DateOnly EarliestPossible => new(Year, Month ?? 1, Day ?? 1);

    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (int m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
        (int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
    };
}
