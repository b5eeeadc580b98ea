using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Linking.Engine;

namespace Vigil.Linking.Evaluation;

/// <summary>
/// Turns the rows of a file into checked person records, doing what <see cref="ReadOptions.BadRows"/> says with
/// each problem. Every problem names the line, the file's own column and what was expected. A row is checked
/// whole before it is kept, so a stopped read has written nothing and a skipped row leaves no trace but its report.
/// </summary>
internal sealed partial class RowReader(ReadOptions? options, Dictionary<string, string> columns, bool withTruth)
{
    private readonly ReadOptions _options = options ?? new ReadOptions();
    private readonly List<PersonInput> _records = [];
    private readonly List<string>? _truth = withTruth ? [] : null;
    private readonly List<RowProblem> _skipped = [];
    private readonly List<RowProblem> _blanked = [];
    private readonly Dictionary<string, int> _lineOfId = new(StringComparer.Ordinal);

    /// <summary>Builds one row's record with <paramref name="build"/>, checks it, and keeps it, blanks parts of it or leaves it out.</summary>
    public void Read(CsvRow row, Func<Row, (PersonInput Input, string? Truth)> build)
    {
        var current = new Row(this, row);
        try
        {
            var (input, truth) = build(current);
            input = Check(current, input);
            _records.Add(input);
            _truth?.Add(truth ?? "");
            _lineOfId[input.Id] = row.Line;
            _blanked.AddRange(current.Blanked);
        }
        catch (RowLeftOut)
        {
            // Already reported in _skipped.
        }
    }

    public LinkageDataset Dataset(string name) => new(name, _records, _truth) { Skipped = _skipped, Blanked = _blanked };

    private string Column(string field) => columns.TryGetValue(field, out var column) ? column : field;

    private PersonInput Check(Row row, PersonInput input)
    {
        var id = input.Id.Trim();
        if (id.Length == 0)
        {
            row.RowFails(Column("id"), "expected a record id, found nothing");
        }
        if (_lineOfId.TryGetValue(id, out var earlier))
        {
            row.RowFails(Column("id"), $"expected a different id: '{Datasets.Shorten(id)}' is already used on line {earlier}");
        }
        var given = CheckName(row, input.GivenName, "given");
        var family = CheckName(row, input.FamilyName, "family");
        if (given.Length == 0 && family.Length == 0)
        {
            row.RowFails($"{Column("given")}, {Column("family")}", "expected a given name or a family name, found neither");
        }
        var dob = CheckDateOfBirth(row, input.DateOfBirth ?? "");
        var sex = CheckSex(row, input.Sex ?? "");
        var phones = (input.Phones ?? []).Where(p => CheckPhone(row, p)).ToList();
        var emails = (input.Emails ?? []).Where(e => CheckEmail(row, e)).ToList();
        return input with { Id = id, GivenName = given, FamilyName = family, DateOfBirth = dob, Sex = sex, Phones = phones, Emails = emails };
    }

    private string CheckName(Row row, string? name, string field)
    {
        var value = name?.Trim() ?? "";
        if (value.Length > Datasets.MaxNameLength)
        {
            row.ValueFails(Column(field), $"expected a name of at most {Datasets.MaxNameLength} characters, found {value.Length:N0}");
            return "";
        }
        if (value.Any(char.IsControl))
        {
            row.ValueFails(Column(field), "expected a name, found control characters");
            return "";
        }
        return value;
    }

    /// <summary>
    /// Accepts 1991, 1991-11, 1991-11-03, 19911103 and the UK's 03/11/1991, and gives the ISO form the engine
    /// reads. A year outside 1850 to the latest believable year is absurd; a month or day that cannot exist is
    /// reported, and blanking keeps the parts before it (a keyed "1937-12-33" still says December 1937).
    /// </summary>
    private string CheckDateOfBirth(Row row, string text)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            return "";
        }
        var field = Column("dob");
        var expected = "expected a date of birth such as 1991-11-03, 19911103 or 03/11/1991";
        int year;
        int? month = null, day = null;
        if (IsoDate().Match(value) is { Success: true } iso)
        {
            year = Number(iso.Groups["y"].Value);
            month = iso.Groups["m"].Success ? Number(iso.Groups["m"].Value) : null;
            day = iso.Groups["d"].Success ? Number(iso.Groups["d"].Value) : null;
        }
        else if (CompactDate().Match(value) is { Success: true } compact)
        {
            (year, month, day) = (Number(compact.Groups["y"].Value), Number(compact.Groups["m"].Value), Number(compact.Groups["d"].Value));
        }
        else if (UkDate().Match(value) is { Success: true } uk)
        {
            (year, month, day) = (Number(uk.Groups["y"].Value), Number(uk.Groups["m"].Value), Number(uk.Groups["d"].Value));
        }
        else
        {
            row.ValueFails(field, $"{expected}, found '{Datasets.Shorten(value)}'");
            return "";
        }
        if (year < Datasets.EarliestBirthYear || year > _options.LatestBirthYear)
        {
            row.ValueFails(field, $"expected a year of birth from {Datasets.EarliestBirthYear} to {_options.LatestBirthYear}, found {year}");
            return "";
        }
        var y = year.ToString("D4", CultureInfo.InvariantCulture);
        if (month is not int m)
        {
            return y;
        }
        if (m is < 1 or > 12)
        {
            row.ValueFails(field, $"expected a month from 1 to 12, found {m} in '{value}'");
            return y;
        }
        var ym = string.Create(CultureInfo.InvariantCulture, $"{y}-{m:D2}");
        if (day is not int d)
        {
            return ym;
        }
        var days = DateTime.DaysInMonth(year, m);
        if (d < 1 || d > days)
        {
            row.ValueFails(field, $"expected a day from 1 to {days} for {ym}, found {d} in '{value}'");
            return ym;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{ym}-{d:D2}");
    }

    private string CheckSex(Row row, string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || value.ToUpperInvariant() is "F" or "M" or "FEMALE" or "MALE" or "U" or "UNKNOWN" or "X")
        {
            return value;
        }
        row.ValueFails(Column("sex"), $"expected F, M, U or X, found '{Datasets.Shorten(value)}'");
        return "";
    }

    private bool CheckPhone(Row row, string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        if (text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.') && digits is >= 6 and <= 15)
        {
            return true;
        }
        row.ValueFails(Column("phone"), $"expected a phone number of 6 to 15 digits, found '{Datasets.Shorten(text)}'");
        return false;
    }

    private bool CheckEmail(Row row, string text)
    {
        if (Email().IsMatch(text))
        {
            return true;
        }
        row.ValueFails(Column("email"), $"expected an email address such as name@example.org, found '{Datasets.Shorten(text)}'");
        return false;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{1,2})(-(?<d>\d{1,2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex UkDate();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>One row being read: its fields, and the problems found so far.</summary>
    internal sealed class Row(RowReader reader, CsvRow row)
    {
        public List<RowProblem> Blanked { get; } = [];

        /// <summary>The field at <paramref name="column"/>; a row too short for it cannot be used, an over-long field is a bad value.</summary>
        public string Field(int column, string name)
        {
            if (column >= row.Fields.Length)
            {
                RowFails(name, $"expected {column + 1} or more fields, found {row.Fields.Length}");
            }
            if (row.OverlongField == column)
            {
                ValueFails(name, $"expected at most {Csv.MaxFieldLength:N0} characters");
                return "";
            }
            return row.Fields[column];
        }

        /// <summary>A problem nothing can mend: stop, or leave the row out.</summary>
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void RowFails(string field, string expected)
        {
            var problem = new RowProblem(row.Line, field, expected);
            if (reader._options.BadRows == BadRows.Stop)
            {
                throw new LinkageRowException(problem);
            }
            reader._skipped.Add(problem);
            throw new RowLeftOut();
        }

        /// <summary>A bad value: stop, leave the row out, or (blanking) go on as if it were missing.</summary>
        public void ValueFails(string field, string expected)
        {
            if (reader._options.BadRows != BadRows.Blank)
            {
                RowFails(field, expected);
            }
            Blanked.Add(new RowProblem(row.Line, field, expected));
        }
    }

    private sealed class RowLeftOut : Exception;
}
