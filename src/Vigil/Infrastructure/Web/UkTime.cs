using System.Globalization;

namespace Vigil.Infrastructure.Web;

/// <summary>
/// Officers read and type times in UK local time; Vigil stores instants in UTC. The conversion lives here so
/// that a report made at 00:30 in summer is not filed under the previous day.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by the spring clock change does not exist locally; read it as the hour after.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string FormatDate(DateTimeOffset instant) => ToLocal(instant).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>
    /// Reads the GOV.UK date input (day, month, year) and an optional 24-hour time. Returns null and sets
    /// <paramref name="errorKey"/> when the parts do not make a real date and time.
    /// </summary>
    public static DateTimeOffset? Parse(string? day, string? month, string? year, string? time, out string? errorKey)
    {
        errorKey = null;
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            errorKey = "Form.Date.Missing";
            return null;
        }
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            errorKey = "Form.Date.NotReal";
            return null;
        }
        var clock = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(time)
            && !TimeOnly.TryParseExact(time.Trim().Replace('.', ':'), ["H:mm", "HH:mm", "Hmm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            errorKey = "Form.Time.NotReal";
            return null;
        }
        return ToUtc(new DateOnly(y, m, d), clock);
    }
}
