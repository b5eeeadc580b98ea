using System.Globalization;
using Vigil.Linking.Engine;

namespace Vigil.Linking.Evaluation;

/// <summary>Records to resolve and, when the file carries it, the true person of each.</summary>
public sealed record LinkageDataset(string Name, IReadOnlyList<PersonInput> Records, IReadOnlyList<string>? Truth);

/// <summary>
/// Readers for the public benchmark files and for any CSV given a column mapping. FEBRL's social security number
/// is never read: police records have nothing like it, so using it would flatter the engine.
/// </summary>
public static class Datasets
{
    public static LinkageDataset Read(string path, string format, string? mapping = null, string? truthPath = null) => format.ToLowerInvariant() switch
    {
        "febrl" => Febrl(path),
        "splink" => Splink(path),
        "rldata" => RlData(path, truthPath ?? DefaultIdentityPath(path)),
        "csv" => Generic(path, mapping ?? throw new LinkageDataException("the csv format needs a column mapping, for example id=record_id,given=given_name,family=family_name,dob=date_of_birth,truth=human_id")),
        _ => throw new LinkageDataException($"format must be febrl, splink, rldata or csv, not '{format}'"),
    };

    public static LinkageDataset Febrl(string path)
    {
        var (header, rows) = Load(path, ',');
        int Col(string name) => Column(header, name, path);
        int id = Col("rec_id"), given = Col("given_name"), surname = Col("surname"), number = Col("street_number"), a1 = Col("address_1"),
            a2 = Col("address_2"), suburb = Col("suburb"), postcode = Col("postcode"), state = Col("state"), dob = Col("date_of_birth");
        var records = new List<PersonInput>();
        var truth = new List<string>();
        foreach (var (row, n) in rows)
        {
            var recId = Field(row, id, n, "rec_id");
            var parts = recId.Split('-');
            if (parts.Length < 3)
            {
                throw new LinkageDataException($"row {n}, rec_id: expected rec-N-org or rec-N-dup-k, found '{recId}'");
            }
            var address = string.Join(' ', new[] { Field(row, number, n, "street_number"), Field(row, a1, n, "address_1"), Field(row, a2, n, "address_2"), Field(row, suburb, n, "suburb"), Field(row, state, n, "state") }.Where(s => s.Length > 0));
            records.Add(new PersonInput(recId, Field(row, given, n, "given_name"), Field(row, surname, n, "surname"), Field(row, dob, n, "date_of_birth"),
                Postcodes: [Field(row, postcode, n, "postcode")], Addresses: address.Length > 0 ? [address] : []));
            truth.Add(parts[1]);
        }
        return new LinkageDataset(Path.GetFileName(path), records, truth);
    }

    public static LinkageDataset Splink(string path)
    {
        var (header, rows) = Load(path, ',');
        int id = Column(header, "unique_id", path), first = Column(header, "first_name", path), surname = Column(header, "surname", path),
            dob = Column(header, "dob", path), city = Column(header, "city", path), email = Column(header, "email", path);
        var cluster = Array.IndexOf(header, "cluster");
        var records = new List<PersonInput>();
        var truth = cluster >= 0 ? new List<string>() : null;
        foreach (var (row, n) in rows)
        {
            var c = Field(row, city, n, "city");
            var e = Field(row, email, n, "email");
            records.Add(new PersonInput(Field(row, id, n, "unique_id"), Field(row, first, n, "first_name"), Field(row, surname, n, "surname"), Field(row, dob, n, "dob"),
                Addresses: c.Length > 0 ? [c] : [], Emails: e.Length > 0 ? [e] : []));
            truth?.Add(Field(row, cluster, n, "cluster"));
        }
        return new LinkageDataset(Path.GetFileName(path), records, truth);
    }

    public static LinkageDataset RlData(string path, string? identityPath)
    {
        var (header, rows) = Load(path, '\t');
        int f1 = Column(header, "fname_c1", path), f2 = Column(header, "fname_c2", path), l1 = Column(header, "lname_c1", path),
            l2 = Column(header, "lname_c2", path), by = Column(header, "by", path), bm = Column(header, "bm", path), bd = Column(header, "bd", path);
        string Value(string[] row, int column, int n, string name)
        {
            var v = Field(row, column, n, name);
            return v == "NA" ? "" : v;
        }
        var records = new List<PersonInput>();
        foreach (var (row, n) in rows)
        {
            var family = string.Join(' ', new[] { Value(row, l1, n, "lname_c1"), Value(row, l2, n, "lname_c2") }.Where(s => s.Length > 0));
            var y = Value(row, by, n, "by");
            var m = Value(row, bm, n, "bm");
            var d = Value(row, bd, n, "bd");
            var dob = y.Length == 0 ? "" : m.Length == 0 ? y : d.Length == 0 ? $"{y}-{Pad(m)}" : $"{y}-{Pad(m)}-{Pad(d)}";
            var other = Value(row, f2, n, "fname_c2");
            records.Add(new PersonInput(n.ToString(CultureInfo.InvariantCulture), Value(row, f1, n, "fname_c1"), family, dob, Aliases: other.Length > 0 ? [other] : []));
        }
        List<string>? truth = null;
        if (identityPath is not null && File.Exists(identityPath))
        {
            truth = File.ReadAllLines(identityPath).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
            if (truth.Count != records.Count)
            {
                throw new LinkageDataException($"{Path.GetFileName(identityPath)} has {truth.Count} identities for {records.Count} records");
            }
        }
        return new LinkageDataset(Path.GetFileName(path), records, truth);

        static string Pad(string s) => s.Length == 1 ? "0" + s : s;
    }

    /// <summary>A CSV with a header and a mapping such as "id=record_id,given=given_name,family=family_name,dob=date_of_birth,truth=human_id".</summary>
    public static LinkageDataset Generic(string path, string mapping)
    {
        var (header, rows) = Load(path, path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        var map = mapping.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].ToLowerInvariant(), p => p.Length == 2 ? p[1] : throw new LinkageDataException($"mapping entry '{p[0]}' needs '=column'"), StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal) { "id", "given", "family", "dob", "sex", "postcode", "address", "phone", "email", "alias", "truth" };
        foreach (var key in map.Keys.Where(k => !known.Contains(k)))
        {
            throw new LinkageDataException($"mapping: '{key}' is not a field; use {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
        int? Optional(string key) => map.TryGetValue(key, out var column) ? Column(header, column, path) : null;
        var idColumn = Optional("id");
        var columns = known.ToDictionary(k => k, Optional, StringComparer.Ordinal);
        var records = new List<PersonInput>();
        var truth = columns["truth"] is null ? null : new List<string>();
        foreach (var (row, n) in rows)
        {
            string Get(string key) => columns[key] is int c ? Field(row, c, n, map[key]) : "";
            IReadOnlyList<string> List(string key) => Get(key) is { Length: > 0 } v ? [v] : [];
            records.Add(new PersonInput(idColumn is null ? n.ToString(CultureInfo.InvariantCulture) : Get("id"), Get("given"), Get("family"), Get("dob"), Get("sex"),
                List("alias"), List("postcode"), List("address"), List("phone"), List("email")));
            truth?.Add(Get("truth"));
        }
        return new LinkageDataset(Path.GetFileName(path), records, truth);
    }

    private static string? DefaultIdentityPath(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var name = Path.GetFileName(path);
        var candidate = Path.Combine(directory, "identity." + name);
        return File.Exists(candidate) ? candidate : null;
    }

    private static (string[] Header, List<(string[] Row, int Number)> Rows) Load(string path, char separator)
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
        var header = all[0].Select(h => h.Trim()).ToArray();
        var rows = all.Skip(1).Select((r, i) => (r.Select(f => f.Trim()).ToArray(), i + 2)).Where(r => r.Item1.Length > 1 || r.Item1[0].Length > 0).ToList();
        return (header, rows);
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new LinkageDataException($"{Path.GetFileName(path)}: missing column '{name}' (found {string.Join(", ", header)})");
    }

    private static string Field(string[] row, int column, int rowNumber, string name) =>
        column < row.Length ? row[column] : throw new LinkageDataException($"row {rowNumber}, {name}: the row has only {row.Length} fields");
}
