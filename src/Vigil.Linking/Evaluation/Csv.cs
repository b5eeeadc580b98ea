using System.Text;

namespace Vigil.Linking.Evaluation;

/// <summary>One row of a delimited file: the line it starts on, its fields, and the first field cut short for being too long.</summary>
public sealed record CsvRow(int Line, string[] Fields, int? OverlongField);

/// <summary>
/// A small RFC 4180 reader: quoted fields, doubled quotes, commas or tabs. A field longer than
/// <see cref="MaxFieldLength"/> is cut short and marked, so the row can be reported or skipped without reading a
/// 10 MB field into memory. Broken quoting (a quote never closed) swallows the rest of the file, so it is always
/// an error naming the line where the quoted field starts.
/// </summary>
public static class Csv
{
    public const int MaxFieldLength = 10_000;

    public static IEnumerable<CsvRow> Read(TextReader reader, char separator)
    {
        var line = 1;
        var startLine = 1;
        var field = new StringBuilder();
        var fields = new List<string>();
        int? overlong = null;
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return new CsvRow(startLine, [.. fields], overlong);
                fields.Clear();
                overlong = null;
                line++;
                startLine = line;
                any = false;
            }
            else
            {
                Append(ch);
            }
        }
        if (inQuotes)
        {
            throw new LinkageDataException($"line {startLine}: a quoted field is never closed (a \" without its closing \")");
        }
        if (any)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return new CsvRow(startLine, [.. fields], overlong);
        }

        void Append(char ch)
        {
            if (field.Length < MaxFieldLength)
            {
                field.Append(ch);
            }
            else
            {
                overlong ??= fields.Count;
            }
        }
    }
}

public class LinkageDataException(string message) : Exception(message);

/// <summary>A row that cannot be used as it stands: where, which field, and what was expected.</summary>
public sealed record RowProblem(int Line, string Field, string Expected)
{
    public override string ToString() => $"line {Line}, {Field}: {Expected}";
}

/// <summary>A problem with one row; under <see cref="BadRows.Stop"/> it stops the whole read.</summary>
public sealed class LinkageRowException(RowProblem problem) : LinkageDataException(problem.ToString())
{
    public RowProblem Problem { get; } = problem;
}
