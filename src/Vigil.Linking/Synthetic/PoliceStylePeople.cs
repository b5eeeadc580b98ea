using System.Globalization;
using System.Text;

namespace Vigil.Linking.Synthetic;

/// <summary>
/// Makes person records the way forces really get them wrong: typos, nicknames, swapped given and family names,
/// day/month swaps, partial or missing dates of birth, phone numbers in different formats, the same human
/// recorded by several forces and several times by one force. It also makes the hard negatives that must NOT be
/// linked: twins (same family, address and date of birth, different given names), a parent and child with the
/// same name at the same address, and unrelated people with very common names. Everything comes from one seeded
/// generator, so the same seed and count give the same file.
/// </summary>
public sealed class PoliceStylePeople(int seed)
{
    private static readonly string[] Forces = ["CP", "SV", "MP", "DP", "SW", "GW", "NW", "WM"];

    private static readonly string[] FemaleGiven =
    [
        "Megan", "Catrin", "Sian", "Rhiannon", "Ffion", "Emma", "Sarah", "Laura", "Bethan", "Carys", "Nia", "Gwenllian",
        "Hannah", "Rebecca", "Elin", "Lowri", "Amy", "Jessica", "Angharad", "Kelly", "Rachel", "Nicola", "Seren", "Mared",
        "Elizabeth", "Katherine", "Victoria", "Charlotte", "Olivia", "Sophie", "Chloe", "Lucy", "Zainab", "Aisha", "Priya",
        "Agnieszka", "Joanna", "Margaret", "Susan", "Deborah",
    ];

    private static readonly string[] MaleGiven =
    [
        "Daniel", "Robert", "David", "William", "Rhys", "Gareth", "Owain", "Dylan", "Thomas", "James", "Matthew", "Steven",
        "Jack", "Aled", "Ieuan", "Christopher", "Michael", "Andrew", "Geraint", "Huw", "Jonathan", "Mark", "Lee", "Anthony",
        "Richard", "Joseph", "Samuel", "Benjamin", "Edward", "Alexander", "Mohammed", "Imran", "Tomasz", "Piotr", "Kevin",
        "Stephen", "Peter", "Paul", "Nathan", "Callum",
    ];

    // Family names weighted the way Welsh and English records are: a few very common, a long tail of rare ones.
    private static readonly string[] CommonFamily = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Smith", "Taylor"];

    private static readonly string[] Family =
    [
        "Hughes", "Lewis", "Morgan", "Griffiths", "Price", "Pritchard", "Phillips", "Powell", "Rees", "Lloyd", "Owen",
        "Jenkins", "Edwards", "James", "Parry", "Howells", "Bevan", "Vaughan", "Llewellyn", "Pugh", "Harris", "Watkins",
        "Lloyd-Jones", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke", "Jackson", "White", "Harrison", "Martin",
        "Thompson", "Robinson", "Khan", "Ahmed", "Patel", "Kowalski", "Nowak", "Gwilliam", "Prosser", "Meredith",
        "Bowen", "Beynon", "Gittins", "Maddocks", "Probert", "Trevithick", "Ellis-Jones", "ap Rhys", "Cadwaladr",
    ];

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Daniel"] = ["Dan", "Danny"], ["Robert"] = ["Rob", "Bob", "Bobby"], ["David"] = ["Dai", "Dave"], ["William"] = ["Bill", "Will", "Billy"],
        ["Thomas"] = ["Tom", "Tommy"], ["James"] = ["Jim", "Jamie"], ["Matthew"] = ["Matt"], ["Steven"] = ["Steve"],
        ["Christopher"] = ["Chris"], ["Michael"] = ["Mike", "Mick"], ["Andrew"] = ["Andy", "Drew"], ["Jonathan"] = ["Jon"],
        ["Anthony"] = ["Tony"], ["Richard"] = ["Rich", "Dick"], ["Joseph"] = ["Joe"], ["Samuel"] = ["Sam"], ["Benjamin"] = ["Ben"],
        ["Edward"] = ["Ed", "Ted"], ["Alexander"] = ["Alex"], ["Stephen"] = ["Steve"], ["Rebecca"] = ["Becky"], ["Jessica"] = ["Jess"],
        ["Nicola"] = ["Nicky"], ["Catrin"] = ["Cat"], ["Rhiannon"] = ["Rhi"], ["Gwenllian"] = ["Gwen"], ["Elizabeth"] = ["Liz", "Beth", "Lizzie"],
        ["Katherine"] = ["Kate", "Kath"], ["Victoria"] = ["Vicky"], ["Margaret"] = ["Maggie", "Meg"], ["Susan"] = ["Sue"],
        ["Deborah"] = ["Debbie"], ["Charlotte"] = ["Charlie"], ["Jack"] = ["Jac"], ["Peter"] = ["Pete"],
    };

    private static readonly (string Street, string Town, string Postcode)[] Places =
    [
        ("Heol y Bont", "Carmarthen", "SA31 1AB"), ("Stryd Fawr", "Aberystwyth", "SY23 1DE"), ("Water Street", "Llanelli", "SA15 1AA"),
        ("Station Road", "Newtown", "SY16 1BD"), ("Church Street", "Brecon", "LD3 7AP"), ("High Street", "Haverfordwest", "SA61 2DA"),
        ("Queen Street", "Cardiff", "CF10 2BH"), ("Wind Street", "Swansea", "SA1 1DP"), ("Commercial Street", "Newport", "NP20 1LP"),
        ("Bridge Street", "Bridgend", "CF31 1EW"), ("Taff Street", "Pontypridd", "CF37 4TX"), ("Monnow Street", "Monmouth", "NP25 3EQ"),
        ("Broad Street", "Hereford", "HR4 9AR"), ("Mill Lane", "Abergavenny", "NP7 5HE"), ("Heol Awst", "Carmarthen", "SA31 1DX"),
        ("Castle Street", "Conwy", "LL32 8AY"), ("Holyhead Road", "Bangor", "LL57 2EU"), ("Regent Street", "Wrexham", "LL11 1SA"),
    ];

    private static readonly string[] Streets =
    [
        "Heol y Bont", "Stryd Fawr", "Water Street", "Station Road", "Church Street", "High Street", "Queen Street",
        "Wind Street", "Commercial Street", "Bridge Street", "Taff Street", "Monnow Street", "Broad Street", "Mill Lane",
        "Heol Awst", "Castle Street", "Holyhead Road", "Regent Street", "Park Road", "Victoria Road", "New Road",
        "Heol Newydd", "Ffordd y Parc", "Chapel Street", "King Street", "Market Street", "North Road", "Alexandra Road",
        "Pen y Bryn", "Maes y Coed", "Clos y Waun", "Lon Las", "Greenfield Terrace", "Tan y Bryn", "Brynmor Road",
        "Gower Street", "Marine Terrace", "Oakfield Avenue", "Beech Grove", "Cae Glas",
    ];

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example"];

    private readonly Random _random = new(seed);

    private sealed record Human(int Id, string Given, string Family, DateOnly Dob, string Sex, int House, (string Street, string Town, string Postcode) Place, string Phone, string Email, string Kind);

    /// <summary>About <paramref name="count"/> records (exactly that many), grouped into humans of 1–6 records each.</summary>
    public IEnumerable<SyntheticPerson> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var produced = 0;
        var humanId = 0;
        var phoneSequence = 0;
        while (produced < count)
        {
            // Families of hard negatives come as a group; most humans stand alone.
            var group = NewGroup(ref humanId, ref phoneSequence);
            foreach (var human in group)
            {
                var records = RecordsPerHuman();
                for (var r = 0; r < records && produced < count; r++)
                {
                    yield return Record(human, r, produced++);
                }
            }
        }
    }

    private List<Human> NewGroup(ref int humanId, ref int phoneSequence)
    {
        var roll = _random.Next(100);
        var place = NewPlace();
        var house = _random.Next(1, 400);
        if (roll < 3)
        {
            // Twins: same family, birthday and address; different given names (sometimes only one letter apart).
            var family = PickFamily();
            var dob = RandomDob(1960, 2008);
            var sex = _random.Next(2) == 0 ? "F" : "M";
            var first = PickGiven(sex);
            var second = PickGiven(_random.Next(3) == 0 ? Other(sex) : sex);
            if (second == first)
            {
                second = PickGiven(Other(sex));
            }
            return
            [
                NewHuman(ref humanId, ref phoneSequence, first, family, dob, sex, house, place, SyntheticKinds.Twin),
                NewHuman(ref humanId, ref phoneSequence, second, family, dob, second == first ? Other(sex) : InferSex(second, sex), house, place, SyntheticKinds.Twin),
            ];
        }
        if (roll < 6)
        {
            // Parent and child with the same name at the same address, about 20–35 years apart.
            var family = PickFamily();
            var sex = _random.Next(3) == 0 ? "F" : "M";
            var given = PickGiven(sex);
            var parentDob = RandomDob(1950, 1975);
            var childDob = RandomDob(parentDob.Year + 20, Math.Min(parentDob.Year + 35, 2008));
            return
            [
                NewHuman(ref humanId, ref phoneSequence, given, family, parentDob, sex, house, place, SyntheticKinds.ParentChild),
                NewHuman(ref humanId, ref phoneSequence, given, family, childDob, sex, house, place, SyntheticKinds.ParentChild),
            ];
        }
        var kind = SyntheticKinds.Clean;
        var familyName = PickFamily();
        if (Array.IndexOf(CommonFamily, familyName) >= 0)
        {
            kind = SyntheticKinds.CommonName;
        }
        var s = _random.Next(2) == 0 ? "F" : "M";
        return [NewHuman(ref humanId, ref phoneSequence, PickGiven(s), familyName, RandomDob(1940, 2008), s, house, place, kind)];
    }

    private Human NewHuman(ref int humanId, ref int phoneSequence, string given, string family, DateOnly dob, string sex, int house, (string, string, string) place, string kind)
    {
        var id = humanId++;
        // Ofcom's drama ranges are too small for millions of people; numbers are made unique per human instead.
        var phone = string.Create(CultureInfo.InvariantCulture, $"07{(phoneSequence++ % 1_000_000_000):D9}");
        var email = $"{Ascii(given).ToLowerInvariant()}.{Ascii(family).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)}{_random.Next(1, 999)}@{EmailDomains[_random.Next(EmailDomains.Length)]}";
        return new Human(id, given, family, dob, sex, house, place, phone, email, kind);
    }

    private int RecordsPerHuman() => _random.Next(100) switch
    {
        < 45 => 1,
        < 75 => 2,
        < 88 => 3,
        < 95 => 4,
        < 98 => 5,
        _ => 6,
    };

    private SyntheticPerson Record(Human human, int index, int sequence)
    {
        var force = index == 0 || _random.Next(3) == 0 ? Forces[human.Id % Forces.Length] : Forces[_random.Next(Forces.Length)];
        var given = human.Given;
        var family = human.Family;
        var dob = human.Dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var phone = human.Phone;
        var email = human.Email;
        var postcode = human.Place.Postcode;
        var address = $"{human.House} {human.Place.Street}, {human.Place.Town}";
        var kind = human.Kind;
        // The first record is as the human would give it; every later record passes through a different
        // call handler, with a chance of each kind of error.
        if (index > 0)
        {
            if (kind == SyntheticKinds.Clean)
            {
                kind = SyntheticKinds.Variant;
            }
            if (_random.Next(100) < 25 && Nicknames.TryGetValue(given, out var shortForms))
            {
                given = shortForms[_random.Next(shortForms.Length)];
            }
            if (_random.Next(100) < 15)
            {
                family = Typo(family);
            }
            if (_random.Next(100) < 8)
            {
                given = Typo(given);
            }
            if (_random.Next(100) < 4)
            {
                (given, family) = (family, given);
            }
            dob = _random.Next(100) switch
            {
                < 6 when human.Dob.Day <= 12 && human.Dob.Day != human.Dob.Month => new DateOnly(human.Dob.Year, human.Dob.Day, human.Dob.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                < 10 => human.Dob.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                < 14 => human.Dob.ToString("yyyy", CultureInfo.InvariantCulture),
                < 20 => "",
                < 24 => DigitTypo(human.Dob),
                _ => dob,
            };
            phone = _random.Next(100) switch
            {
                < 25 => "+44 " + phone[1..5] + " " + phone[5..],
                < 40 => phone[..5] + " " + phone[5..],
                < 55 => "",
                _ => phone,
            };
            if (_random.Next(100) < 50)
            {
                email = "";
            }
            else if (_random.Next(100) < 10)
            {
                email = email.ToUpperInvariant();
            }
            if (_random.Next(100) < 30)
            {
                postcode = "";
                address = "";
            }
            else if (_random.Next(100) < 20)
            {
                // Moved since the first record: a new address and postcode, as often happens between forces.
                var moved = NewPlace();
                postcode = moved.Postcode;
                address = $"{_random.Next(1, 400)} {moved.Street}, {moved.Town}";
            }
            else if (_random.Next(100) < 20)
            {
                postcode = postcode.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            }
        }
        var sex = _random.Next(100) < 5 ? "U" : human.Sex;
        return new SyntheticPerson($"r{sequence}", human.Id, force, given, family, dob, sex, postcode, address, phone, email, kind);
    }

    /// <summary>
    /// A street in one of the towns, with a unit postcode of its own: real postcodes cover about fifteen
    /// addresses, so people who share one are nearly always neighbours or one household.
    /// </summary>
    private (string Street, string Town, string Postcode) NewPlace()
    {
        var (_, town, postcode) = Places[_random.Next(Places.Length)];
        var outward = postcode[..postcode.IndexOf(' ', StringComparison.Ordinal)];
        var inward = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 10)}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}");
        return (Streets[_random.Next(Streets.Length)], town, $"{outward} {inward}");
    }

    private string PickFamily() => _random.Next(100) < 35 ? CommonFamily[_random.Next(CommonFamily.Length)] : Family[_random.Next(Family.Length)];

    private string PickGiven(string sex) => sex == "F" ? FemaleGiven[_random.Next(FemaleGiven.Length)] : MaleGiven[_random.Next(MaleGiven.Length)];

    private static string Other(string sex) => sex == "F" ? "M" : "F";

    private static string InferSex(string given, string fallback) =>
        Array.IndexOf(FemaleGiven, given) >= 0 ? "F" : Array.IndexOf(MaleGiven, given) >= 0 ? "M" : fallback;

    private DateOnly RandomDob(int fromYear, int toYear)
    {
        var year = _random.Next(fromYear, toYear + 1);
        var month = _random.Next(1, 13);
        return new DateOnly(year, month, _random.Next(1, DateTime.DaysInMonth(year, month) + 1));
    }

    /// <summary>One keying error: a dropped, doubled, swapped or substituted letter.</summary>
    private string Typo(string name)
    {
        if (name.Length < 3)
        {
            return name;
        }
        var chars = new StringBuilder(name);
        var i = _random.Next(1, name.Length - 1);
        switch (_random.Next(4))
        {
            case 0:
                chars.Remove(i, 1);
                break;
            case 1:
                chars.Insert(i, name[i]);
                break;
            case 2:
                (chars[i], chars[i + 1 < chars.Length ? i + 1 : i - 1]) = (chars[i + 1 < chars.Length ? i + 1 : i - 1], chars[i]);
                break;
            default:
                chars[i] = "aeiouyrnlst"[_random.Next(11)];
                break;
        }
        return chars.ToString();
    }

    /// <summary>One wrong digit in the day or the year's last digit, still a real date.</summary>
    private string DigitTypo(DateOnly dob)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = _random.Next(2) == 0
                ? (dob.Year - dob.Year % 10 + _random.Next(10), dob.Month, dob.Day)
                : (dob.Year, dob.Month, dob.Day / 10 * 10 + _random.Next(10));
            if (candidate.Item3 >= 1 && candidate.Item3 <= DateTime.DaysInMonth(candidate.Item1, candidate.Item2)
                && (candidate.Item1, candidate.Item3) != (dob.Year, dob.Day))
            {
                return new DateOnly(candidate.Item1, candidate.Item2, candidate.Item3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && (char.IsLetter(c) || c == ' '))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Writes the records as CSV with a header; the <c>human_id</c> column is the ground truth.</summary>
    public static void WriteCsv(IEnumerable<SyntheticPerson> people, TextWriter writer)
    {
        writer.WriteLine("record_id,human_id,force,given_name,family_name,date_of_birth,sex,postcode,address,phone,email,kind");
        foreach (var p in people)
        {
            writer.Write(p.RecordId);
            writer.Write(',');
            writer.Write(p.HumanId.ToString(CultureInfo.InvariantCulture));
            foreach (var field in new[] { p.Force, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Postcode, p.Address, p.Phone, p.Email, p.Kind })
            {
                writer.Write(',');
                writer.Write(Quote(field));
            }
            writer.WriteLine();
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
