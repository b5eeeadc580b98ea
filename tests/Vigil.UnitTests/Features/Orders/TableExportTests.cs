using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Vigil.Features.Orders;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>The register's exports: CSV quoted properly with a byte-order mark; XLSX a valid package whose cells read back.</summary>
public sealed class TableExportTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] Headers = ["Gorchymyn", "Subject", "Breaches"];

    private static readonly IReadOnlyList<object?>[] Rows =
    [
        ["ORD000001", "Siân O'Neill, \"Sid\"", 3],
        ["ORD000002", "=HYPERLINK(\"x\")", null],
        ["ORD000003", "Line one\nline two & <more>", 0],
    ];

    [Fact]
    public void Csv_StartsWithByteOrderMark_QuotesWhatNeedsQuoting()
    {
        var bytes = TableExport.Csv(Headers, Rows);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var expected = "Gorchymyn,Subject,Breaches\r\n"
            + "ORD000001,\"Siân O'Neill, \"\"Sid\"\"\",3\r\n"
            + "ORD000002,\"'=HYPERLINK(\"\"x\"\")\",\r\n"
            + "ORD000003,\"Line one\nline two & <more>\",0\r\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Xlsx_IsAZipWithTheRequiredParts()
    {
        using var zip = new ZipArchive(new MemoryStream(TableExport.Xlsx("Order register", Headers, Rows)));

        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml" })
        {
            Assert.Contains(part, names);
        }
        // Every part is well-formed XML.
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            _ = XDocument.Load(stream);
        }
    }

    [Fact]
    public void Xlsx_CellValues_RoundTrip()
    {
        using var zip = new ZipArchive(new MemoryStream(TableExport.Xlsx("Order register", Headers, Rows)));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = XDocument.Load(stream);

        var cells = sheet.Descendants(Main + "c").ToDictionary(
            c => (string)c.Attribute("r")!,
            c => (string?)c.Attribute("t") == "inlineStr" ? string.Concat(c.Descendants(Main + "t").Select(t => t.Value)) : c.Element(Main + "v")!.Value);

        Assert.Equal("Gorchymyn", cells["A1"]);
        Assert.Equal("Siân O'Neill, \"Sid\"", cells["B2"]);
        Assert.Equal("3", cells["C2"]);
        Assert.Equal("=HYPERLINK(\"x\")", cells["B3"]);
        Assert.False(cells.ContainsKey("C3"));
        Assert.Equal("Line one\nline two & <more>", cells["B4"]);
        Assert.Equal("0", cells["C4"]);
        Assert.Null(sheet.Descendants(Main + "f").FirstOrDefault());
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void ColumnName_Letters(int column, string expected)
    {
        Assert.Equal(expected, TableExport.ColumnName(column));
    }
}
