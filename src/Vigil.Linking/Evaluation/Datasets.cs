using System.Globalization;
using Vigil.Linking.Engine;

namespace Vigil.Linking.Evaluation;

/// <summary>Records to resolve and, when the file carries it, the true person of each; and what was wrong with the file.</summary>
public sealed record LinkageDataset(string Name, IReadOnlyList<PersonInput> Records, IReadOnlyList<string>? Truth)
{
    /// <summary>Rows left out (<see cref="BadRows.Skip"/>, or <see cref="BadRows.Blank"/> when blanking could not save them).</summary>
    public IReadOnlyList<RowProblem> Skipped { get; init; } = [];

    /// <summary>Values treated as missing under <see cref="BadRows.Blank"/>; their rows were kept.</summary>
    public IReadOnlyList<RowProblem> Blanked { get; init; } = [];
}

/// <summary>What to do with a row that has a problem.</summary>
public enum BadRows
{
    /// <summary>Stop at the first problem, naming the line, the field and what was expected. The default.</summary>
    Stop,

    /// <summary>Leave out every row with a problem, and report each.</summary>
    Skip,

    /// <summary>
    /// Treat a bad value (a date that cannot be read or is absurd, a malformed phone, email or sex, an over-long
    /// field) as missing and keep the row, reporting each; rows that still cannot be used (no name, a repeated
    /// id, too few fields) are left out and reported. A date whose day or month cannot exist keeps what can.
    /// </summary>
    Blank,
}

/// <summary>How to read: what to do with bad rows, and the latest believable year of birth (today's year, from the caller's clock).</summary>
public sealed record ReadOptions(BadRows BadRows = BadRows.Stop, int LatestBirthYear = 2100);

/// <summary>
/// Readers for the public benchmark files and for any CSV given a column mapping. FEBRL's social security number
/// is never read: police records have nothing like it, so using it would flatter the engine.
/// </summary>
public static class Datasets
{
    public const int EarliestBirthYear = 1850;
    public const int MaxNameLength = 100;

    public static LinkageDataset Read(string path, string format, string? mapping = null, string? truthPath = null, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        return format.ToLowerInvariant() switch
        {
            "febrl" => Febrl(path, options),
            "splink" => Splink(path, options),
            "rldata" => RlData(path, truthPath ?? DefaultIdentityPath(path), options),
            "csv" => Generic(path, mapping ?? throw new LinkageDataException("the csv format needs a column mapping, for example id=record_id,given=given_name,family=family_name,dob=date_of_birth,truth=human_id"), options),
            _ => throw new LinkageDataException($"format must be febrl, splink, rldata or csv, not '{format}'"),
        };
    }

    public static LinkageDataset Febrl(string path, ReadOptions? options = null)
    {
        var (header, rows) = Load(path, ',');
        int Col(string name) => Column(header, name, path);
        int id = Col("rec_id"), given = Col("given_name"), surname = Col("surname"), number = Col("street_number"), a1 = Col("address_1"),
            a2 = Col("address_2"), suburb = Col("suburb"), postcode = Col("postcode"), state = Col("state"), dob = Col("date_of_birth");
        var reader = new RowReader(options, new() { ["id"] = "rec_id", ["given"] = "given_name", ["family"] = "surname", ["dob"] = "date_of_birth" }, withTruth: true);
        foreach (var row in rows)
        {
            reader.Read(row, r =>
            {
                var recId = r.Field(id, "rec_id");
                var parts = recId.Split('-');
                if (parts.Length < 3)
                {
                    r.RowFails("rec_id", $"expected rec-N-org or rec-N-dup-k, found '{Shorten(recId)}'");
                }
                var address = string.Join(' ', new[] { r.Field(number, "street_number"), r.Field(a1, "address_1"), r.Field(a2, "address_2"), r.Field(suburb, "suburb"), r.Field(state, "state") }.Where(s => s.Length > 0));
                var input = new PersonInput(recId, r.Field(given, "given_name"), r.Field(surname, "surname"), r.Field(dob, "date_of_birth"),
                    Postcodes: [r.Field(postcode, "postcode")], Addresses: address.Length > 0 ? [address] : []);
                return (input, parts[1]);
            });
        }
        return reader.Dataset(Path.GetFileName(path));
    }

    public static LinkageDataset Splink(string path, ReadOptions? options = null)
    {
        var (header, rows) = Load(path, ',');
        int id = Column(header, "unique_id", path), first = Column(header, "first_name", path), surname = Column(header, "surname", path),
            dob = Column(header, "dob", path), city = Column(header, "city", path), email = Column(header, "email", path);
        var cluster = Array.IndexOf(header, "cluster");
        var reader = new RowReader(options, new() { ["id"] = "unique_id", ["given"] = "first_name", ["family"] = "surname", ["dob"] = "dob", ["email"] = "email" }, withTruth: cluster >= 0);
        foreach (var row in rows)
        {
            reader.Read(row, r =>
            {
                var c = r.Field(city, "city");
                var e = r.Field(email, "email");
                var input = new PersonInput(r.Field(id, "unique_id"), r.Field(first, "first_name"), r.Field(surname, "surname"), r.Field(dob, "dob"),
                    Addresses: c.Length > 0 ? [c] : [], Emails: e.Length > 0 ? [e] : []);
                return (input, cluster >= 0 ? r.Field(cluster, "cluster") : null);
            });
        }
        return reader.Dataset(Path.GetFileName(path));
    }

    public static LinkageDataset RlData(string path, string? identityPath, ReadOptions? options = null)
    {
        var (header, rows) = Load(path, '\t');
        int f1 = Column(header, "fname_c1", path), f2 = Column(header, "fname_c2", path), l1 = Column(header, "lname_c1", path),
            l2 = Column(header, "lname_c2", path), by = Column(header, "by", path), bm = Column(header, "bm", path), bd = Column(header, "bd", path);
        List<string>? identities = null;
        if (identityPath is not null && File.Exists(identityPath))
        {
            identities = File.ReadAllLines(identityPath).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
            if (identities.Count != rows.Count)
            {
                throw new LinkageDataException($"{Path.GetFileName(identityPath)} has {identities.Count} identities for {rows.Count} records");
            }
        }
        var reader = new RowReader(options, new() { ["id"] = "row", ["given"] = "fname_c1", ["family"] = "lname_c1", ["dob"] = "by/bm/bd" }, withTruth: identities is not null);
        for (var n = 0; n < rows.Count; n++)
        {
            var number = n + 1;
            reader.Read(rows[n], r =>
            {
                string Value(int column, string name)
                {
                    var v = r.Field(column, name);
                    return v == "NA" ? "" : v;
                }
                var family = string.Join(' ', new[] { Value(l1, "lname_c1"), Value(l2, "lname_c2") }.Where(s => s.Length > 0));
                var y = Value(by, "by");
                var m = Value(bm, "bm");
                var d = Value(bd, "bd");
                var dob = y.Length == 0 ? "" : m.Length == 0 ? y : d.Length == 0 ? $"{y}-{m}" : $"{y}-{m}-{d}";
                var other = Value(f2, "fname_c2");
                var input = new PersonInput(number.ToString(CultureInfo.InvariantCulture), Value(f1, "fname_c1"), family, dob, Aliases: other.Length > 0 ? [other] : []);
                return (input, identities?[n]);
            });
        }
        return reader.Dataset(Path.GetFileName(path));
    }

    /// <summary>A CSV with a header and a mapping such as "id=record_id,given=given_name,family=family_name,dob=date_of_birth,truth=human_id".</summary>
    public static LinkageDataset Generic(string path, string mapping, ReadOptions? options = null)
    {
        var (header, rows) = Load(path, path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[1].Length == 0)
            {
                throw new LinkageDataException($"mapping entry '{entry}' needs '=column', for example given=first_name");
            }
            if (!map.TryAdd(pair[0].ToLowerInvariant(), pair[1]))
            {
                throw new LinkageDataException($"mapping: '{pair[0]}' is mapped twice");
            }
        }
        var known = new HashSet<string>(StringComparer.Ordinal) { "id", "given", "family", "dob", "sex", "postcode", "address", "phone", "email", "alias", "truth" };
        foreach (var key in map.Keys.Where(k => !known.Contains(k)))
        {
            throw new LinkageDataException($"mapping: '{key}' is not a field; use {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
        int? Optional(string key) => map.TryGetValue(key, out var column) ? Column(header, column, path) : null;
        var idColumn = Optional("id");
        var columns = known.ToDictionary(k => k, Optional, StringComparer.Ordinal);
        var reader = new RowReader(options, map, withTruth: columns["truth"] is not null);
        for (var n = 0; n < rows.Count; n++)
        {
            var number = n + 1;
            reader.Read(rows[n], r =>
            {
                string Get(string key) => columns[key] is int c ? r.Field(c, map[key]) : "";
                IReadOnlyList<string> List(string key) => Get(key) is { Length: > 0 } v ? [v] : [];
                var input = new PersonInput(idColumn is null ? number.ToString(CultureInfo.InvariantCulture) : Get("id"), Get("given"), Get("family"), Get("dob"), Get("sex"),
                    List("alias"), List("postcode"), List("address"), List("phone"), List("email"));
                return (input, columns["truth"] is null ? null : Get("truth"));
            });
        }
        return reader.Dataset(Path.GetFileName(path));
    }

    private static string? DefaultIdentityPath(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var name = Path.GetFileName(path);
        var candidate = Path.Combine(directory, "identity." + name);
        return File.Exists(candidate) ? candidate : null;
    }

    private static (string[] Header, List<CsvRow> Rows) Load(string path, char separator)
    {
        if (!File.Exists(path))
        {
            throw new LinkageDataException($"{path}: file not found");
        }
        using var reader = new StreamReader(path);
        var all = Csv.Read(reader, separator).ToList();
        if (all.Count == 0)
        {
            throw new LinkageDataException($"{path}: the file is empty");
        }
        if (all[0].OverlongField is not null)
        {
            throw new LinkageDataException($"{path}: line 1 is not a header: a field is longer than {Csv.MaxFieldLength:N0} characters");
        }
        var header = all[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = all.Skip(1).Where(r => r.Fields.Length > 1 || r.Fields[0].Trim().Length > 0)
            .Select(r => r with { Fields = r.Fields.Select(f => f.Trim()).ToArray() }).ToList();
        return (header, rows);
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new LinkageDataException($"{Path.GetFileName(path)}: missing column '{name}' (found {string.Join(", ", header)})");
    }

    internal static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
