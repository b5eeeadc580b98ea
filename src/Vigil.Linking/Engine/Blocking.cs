using System.Globalization;

namespace Vigil.Linking.Engine;

/// <summary>
/// Blocking keys: a pair is compared only when the two records share at least one key. Each key survives a
/// different kind of error, so their union keeps true pairs that any single key would lose: sound of the family
/// name with the birth year (given-name errors, nicknames), given and family sounds (date errors), given prefix
/// with day and month (family-name changes and typos), full date with an initial, given sound with birth year or
/// with the first address word (a missing or replaced family name), shared phone, email, mailbox name or postcode,
/// and the two name sounds in either order (swapped names).
/// </summary>
public static class Blocking
{
    public static List<string> Keys(PreparedRecord r)
    {
        var keys = new List<string>(10);
        var fp = r.FamilyPhonetic;
        var gp = r.GivenPhonetic;
        if (fp.Length > 0 && r.Year is int year)
        {
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"fy:{fp}:{year}"));
        }
        if (fp.Length > 0 && gp.Length > 0)
        {
            keys.Add($"gf:{gp}:{fp}");
            keys.Add(string.CompareOrdinal(gp, fp) <= 0 ? $"sw:{gp}:{fp}" : $"sw:{fp}:{gp}");
        }
        if (r.Given.Length > 0 && r.Month is int m && r.Day is int d)
        {
            var prefix = r.GivenCanonical.Length > 3 ? r.GivenCanonical[..3] : r.GivenCanonical;
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"gd:{prefix}:{m}-{d}"));
            // Either name's first letter with the whole date: survives a new family name and most typos.
            if (r.Year is int y)
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"dg:{y}-{m}-{d}:{r.Given[0]}"));
                if (r.Family.Length > 0)
                {
                    keys.Add(string.Create(CultureInfo.InvariantCulture, $"df:{y}-{m}-{d}:{r.Family[0]}"));
                }
            }
        }
        if (fp.Length > 0 && r.Month is int month && r.Day is int day)
        {
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"fd:{fp}:{month}-{day}"));
        }
        foreach (var phone in r.Phones)
        {
            keys.Add("ph:" + phone);
        }
        foreach (var email in r.Emails)
        {
            keys.Add("em:" + email);
            // A mistyped domain keeps the mailbox name: "gabriel.t54@nichols.info" and "gabriel.t54@nnichls.info".
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at >= 4)
            {
                keys.Add("el:" + email[..at]);
            }
        }
        if (gp.Length > 0 && r.Year is int birthYear)
        {
            // For records with no family name, or one replaced entirely.
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"gy:{gp}:{birthYear}"));
        }
        if (gp.Length > 0 && r.AddressTokens.Length > 0)
        {
            keys.Add($"ga:{gp}:{r.AddressTokens[0]}");
        }
        if (r.FullDob)
        {
            // Names can be wholly wrong in a record; the birthday and where they live rarely both are.
            foreach (var postcode in r.Postcodes)
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"dp:{r.Year}-{r.Month}-{r.Day}:{postcode}"));
            }
            if (r.AddressTokens.Length >= 2)
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"da:{r.Year}-{r.Month}-{r.Day}:{r.AddressTokens[0]}:{r.AddressTokens[1]}"));
            }
        }
        if (r.AddressTokens.Length >= 2 && (r.Given.Length > 0 || r.Family.Length > 0))
        {
            keys.Add($"an:{r.AddressTokens[0]}:{r.AddressTokens[1]}:{(r.Family.Length > 0 ? r.Family[0] : r.Given[0])}");
        }
        foreach (var postcode in r.Postcodes)
        {
            if (r.Family.Length > 0)
            {
                keys.Add($"pc:{postcode}:{r.Family[0]}");
            }
            if (r.Given.Length > 0)
            {
                keys.Add($"pg:{postcode}:{r.Given[0]}");
            }
        }
        return keys;
    }
}
