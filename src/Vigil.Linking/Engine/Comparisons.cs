namespace Vigil.Linking.Engine;

/// <summary>The fields compared and the graded agreement levels of each. Level -1 means "missing": no evidence either way.</summary>
public static class Comparisons
{
    public const int Missing = -1;

    public static readonly ComparisonField[] Fields =
    [
        new("given", ["exact", "nickname or very close spelling", "close spelling or same sound", "initial only", "different"]),
        new("family", ["exact", "very close spelling", "close spelling, same sound or part of a double-barrelled name", "different"]),
        new("dateOfBirth", ["exact", "day and month swapped", "one digit different", "same year and month", "compatible partial date", "year one apart", "different"]),
        new("sex", ["same", "different"]),
        new("postcode", ["same postcode", "same postcode district", "different"]),
        new("address", ["same address", "mostly the same words", "some words shared", "different"]),
        new("phone", ["a phone number shared", "different"]),
        new("email", ["an email address shared", "different"]),
    ];

    public const int Given = 0;
    public const int Family = 1;
    public const int BirthDate = 2;
    public const int Sex = 3;
    public const int Postcode = 4;
    public const int Address = 5;
    public const int Phone = 6;
    public const int Email = 7;

    public const int GivenDifferent = 4;
    public const int FamilyDifferent = 3;
    public const int BirthDateDifferent = 6;

    /// <summary>Fills <paramref name="levels"/> with one level per field. Returns true when the names were swapped.</summary>
    public static bool Compare(PreparedRecord a, PreparedRecord b, Span<sbyte> levels)
    {
        var straightGiven = GivenLevel(a, b);
        var straightFamily = FamilyLevel(a.Family, a.FamilyCompact, a.FamilyPhonetic, b.Family, b.FamilyCompact, b.FamilyPhonetic);
        var swapped = false;
        if (straightGiven >= 2 && straightFamily >= 2 && a.Given.Length > 0 && b.Given.Length > 0 && a.Family.Length > 0 && b.Family.Length > 0)
        {
            // Given and family written the wrong way round in one record.
            var crossGiven = NameLevel(a.Given, b.FamilyCompact);
            var crossFamily = NameLevel(a.FamilyCompact, b.Given);
            if (crossGiven <= 1 && crossFamily <= 1)
            {
                straightGiven = 1;
                straightFamily = 1;
                swapped = true;
            }
        }
        levels[Given] = (sbyte)straightGiven;
        levels[Family] = (sbyte)straightFamily;
        levels[BirthDate] = (sbyte)DobLevel(a, b);
        levels[Sex] = (sbyte)(a.Sex == ' ' || b.Sex == ' ' ? Missing : a.Sex == b.Sex ? 0 : 1);
        levels[Postcode] = (sbyte)PostcodeLevel(a.Postcodes, b.Postcodes);
        levels[Address] = (sbyte)AddressLevel(a, b);
        levels[Phone] = (sbyte)SharedLevel(a.Phones, b.Phones);
        levels[Email] = (sbyte)SharedLevel(a.Emails, b.Emails);
        return swapped;
    }

    private static int GivenLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.Given.Length == 0 || b.Given.Length == 0)
        {
            return Missing;
        }
        var best = GivenPair(a.Given, a.GivenCanonical, a.GivenPhonetic, b.Given, b.GivenCanonical, b.GivenPhonetic);
        // Other given names and aliases may hold the name this force used.
        foreach (var other in a.OtherGivenNames)
        {
            best = Math.Min(best, Math.Max(1, GivenPair(other, Nicknames.Canonical(other), Similarity.Phonetic(other), b.Given, b.GivenCanonical, b.GivenPhonetic)));
        }
        foreach (var other in b.OtherGivenNames)
        {
            best = Math.Min(best, Math.Max(1, GivenPair(a.Given, a.GivenCanonical, a.GivenPhonetic, other, Nicknames.Canonical(other), Similarity.Phonetic(other))));
        }
        return best;
    }

    private static int GivenPair(string a, string ca, string pa, string b, string cb, string pb)
    {
        if (a == b)
        {
            return 0;
        }
        if (a.Length == 1 || b.Length == 1)
        {
            return a[0] == b[0] ? 3 : GivenDifferent;
        }
        if (ca == cb || Nicknames.Equivalent(a, b))
        {
            return 1;
        }
        var jw = Similarity.JaroWinkler(a, b);
        if (jw >= 0.94)
        {
            return 1;
        }
        return jw >= 0.88 || pa == pb ? 2 : GivenDifferent;
    }

    private static int NameLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 9;
        }
        if (a == b || Nicknames.Equivalent(a, b))
        {
            return 0;
        }
        return Similarity.JaroWinkler(a, b) >= 0.94 ? 1 : 9;
    }

    private static int FamilyLevel(string a, string ac, string ap, string b, string bc, string bp)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Missing;
        }
        if (ac == bc)
        {
            return 0;
        }
        var jw = Similarity.JaroWinkler(ac, bc);
        if (jw >= 0.94)
        {
            return 1;
        }
        if (jw >= 0.88 || ap == bp)
        {
            return 2;
        }
        // "Lloyd-Jones" and "Jones": one name is a whole word of the other.
        if (a.Contains(' ', StringComparison.Ordinal) || b.Contains(' ', StringComparison.Ordinal))
        {
            var aw = a.Split(' ');
            var bw = b.Split(' ');
            if (aw.Any(w => w.Length > 2 && bw.Contains(w, StringComparer.Ordinal)))
            {
                return 2;
            }
        }
        return 3;
    }

    private static int DobLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.Year is not int ya || b.Year is not int yb)
        {
            return Missing;
        }
        if (a.FullDob && b.FullDob)
        {
            int ma = a.Month!.Value, mb = b.Month!.Value, da = a.Day!.Value, db = b.Day!.Value;
            if (ya == yb && ma == mb && da == db)
            {
                return 0;
            }
            if (ya == yb && ma == db && da == mb)
            {
                return 1;
            }
            if (DigitsDifferent(ya, yb, 4) + DigitsDifferent(ma, mb, 2) + DigitsDifferent(da, db, 2) == 1)
            {
                return 2;
            }
            if (ya == yb && ma == mb)
            {
                return 3;
            }
            if (Math.Abs(ya - yb) == 1 && ma == mb && da == db)
            {
                return 5;
            }
            return BirthDateDifferent;
        }
        // At least one side is partial: agree as far as both go, or a year apart at most.
        var monthsAgree = a.Month is null || b.Month is null || a.Month == b.Month;
        var daysAgree = a.Day is null || b.Day is null || a.Day == b.Day;
        if (ya == yb && monthsAgree && daysAgree)
        {
            return 4;
        }
        if (Math.Abs(ya - yb) == 1 && monthsAgree && daysAgree)
        {
            return 5;
        }
        return BirthDateDifferent;
    }

    /// <summary>
    /// Full dates of birth more than two years apart. Keyed dates can be off by a year and some days at once, so a
    /// nearer difference is weighed as evidence but never treated as proof of two people; a parent and child with
    /// one name are decades apart.
    /// </summary>
    public static bool BirthDatesFarApart(PreparedRecord a, PreparedRecord b) =>
        a.FullDob && b.FullDob
        && Math.Abs(new DateOnly(a.Year!.Value, a.Month!.Value, a.Day!.Value).DayNumber - new DateOnly(b.Year!.Value, b.Month!.Value, b.Day!.Value).DayNumber) > 730;

    private static int DigitsDifferent(int a, int b, int width)
    {
        var different = 0;
        for (var i = 0; i < width; i++)
        {
            if (a % 10 != b % 10)
            {
                different++;
            }
            a /= 10;
            b /= 10;
        }
        return different;
    }

    private static int PostcodeLevel(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Missing;
        }
        var district = false;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return 0;
                }
                district |= Text.PostcodeDistrictSpan(x).SequenceEqual(Text.PostcodeDistrictSpan(y));
            }
        }
        return district ? 1 : 2;
    }

    private static int AddressLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.AddressTokens.Length == 0 || b.AddressTokens.Length == 0)
        {
            return Missing;
        }
        if (a.AddressText == b.AddressText)
        {
            return 0;
        }
        var shared = 0;
        foreach (var t in a.AddressTokens)
        {
            if (Array.IndexOf(b.AddressTokens, t) >= 0)
            {
                shared++;
            }
        }
        var jaccard = (double)shared / (a.AddressTokens.Length + b.AddressTokens.Length - shared);
        return jaccard >= 0.6 ? 1 : jaccard >= 0.3 ? 2 : 3;
    }

    private static int SharedLevel(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Missing;
        }
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return 0;
            }
        }
        return 1;
    }
}

public sealed record ComparisonField(string Name, string[] Levels);
