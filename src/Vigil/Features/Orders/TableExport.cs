using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Vigil.Features.Orders;

/// <summary>
/// A table written as CSV or as an Excel workbook, for registers analysts take away. Cells are strings or numbers;
/// nulls are empty. Written by hand: the formats needed are small and a spreadsheet library would be a dependency to
/// keep patched for two functions.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads Welsh letters correctly) and CRLF line ends. A text
    /// cell that a spreadsheet would take as a formula (=, +, -, @, tab or carriage return first) gets a leading
    /// apostrophe: names typed into police records must never run as formulas on an analyst's machine.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendCsvRow(text, headers);
        foreach (var row in rows)
        {
            AppendCsvRow(text, row);
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static void AppendCsvRow(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            var value = cell switch
            {
                null => "",
                string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + s,
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => cell.ToString() ?? "",
            };
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }
        text.Append("\r\n");
    }

    /// <summary>
    /// A minimal SpreadsheetML workbook (ECMA-376): one sheet, text as inline strings (no shared-string table to keep
    /// in step), numbers as numbers, the header row bold. Opens in Excel, LibreOffice and Numbers.
    /// </summary>
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            // Style 0 is the default; style 1 is bold, for the header row.
            Part(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
                """);
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            using var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false));
            writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
            writer.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            WriteRow(writer, 1, headers, style: 1);
            var number = 1;
            foreach (var row in rows)
            {
                WriteRow(writer, ++number, row, style: 0);
            }
            writer.Write("</sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    /// <summary>"A" for column 1, "Z" for 26, "AA" for 27.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static void WriteRow(StreamWriter writer, int number, IEnumerable<object?> cells, int style)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        writer.Write($"<row r=\"{r}\">");
        var column = 0;
        var s = style == 0 ? "" : $" s=\"{style.ToString(CultureInfo.InvariantCulture)}\"";
        foreach (var cell in cells)
        {
            var reference = ColumnName(++column) + r;
            switch (cell)
            {
                case null:
                    break;
                case int or long or double or decimal:
                    writer.Write($"<c r=\"{reference}\"{s}><v>{((IFormattable)cell).ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                    break;
                default:
                    var text = cell is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : cell.ToString() ?? "";
                    writer.Write($"<c r=\"{reference}\" t=\"inlineStr\"{s}><is><t xml:space=\"preserve\">{Escape(text)}</t></is></c>");
                    break;
            }
        }
        writer.Write("</row>");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }

    /// <summary>Sheet names are at most 31 characters and may not hold : \ / ? * [ or ].</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }

    /// <summary>XML-escapes text and drops characters XML 1.0 cannot hold (control characters pasted from other systems).</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
            {
                builder.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    _ => c.ToString(),
                });
            }
        }
        return builder.ToString();
    }
}
