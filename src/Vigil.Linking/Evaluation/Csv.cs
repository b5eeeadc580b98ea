using System.Text;

namespace Vigil.Linking.Evaluation;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, commas or tabs. Broken quoting is an error naming the row.</summary>
public static class Csv
{
    public const int MaxFieldLength = 10_000;

    public static IEnumerable<string[]> Read(TextReader reader, char separator)
    {
        var row = 0;
        var field = new StringBuilder();
        var fields = new List<string>();
        var inQuotes = false;
        var startRow = 1;
        int c;
        var any = false;
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
                        field.Append('"');
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
                        row++;
                    }
                    Append(field, ch, startRow);
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
                row++;
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
                startRow = row + 1;
                any = false;
            }
            else
            {
                Append(field, ch, startRow);
            }
        }
        if (inQuotes)
        {
            throw new LinkageDataException($"row {startRow}: a quoted field is never closed");
        }
        if (any)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return fields.ToArray();
        }
    }

    private static void Append(StringBuilder field, char ch, int row)
    {
        if (field.Length >= MaxFieldLength)
        {
            throw new LinkageDataException($"row {row}: a field is longer than {MaxFieldLength:N0} characters");
        }
        field.Append(ch);
    }
}

public sealed class LinkageDataException(string message) : Exception(message);
