using Vigil.Linking.Evaluation;
using Vigil.UnitTests.Repository;

namespace Vigil.UnitTests.Linking;

/// <summary>
/// The whole pipeline (read, train, block, score, cluster) on the public benchmark files beside the repository,
/// with the one configuration and threshold used everywhere. Floors sit a little under the figures in
/// docs/linking.md, so a change that makes linking worse fails here.
/// </summary>
public class DatasetTests
{
    private static readonly ReadOptions Blanking = new(BadRows.Blank, LatestBirthYear: 2026);

    private static string Data(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryFiles.Root, "..", "shared", "data", "linkage", .. parts]));

    [Theory]
    [InlineData("febrl/dataset1.csv", "febrl", 0.97, 0.99, 0.99)]
    [InlineData("febrl/dataset2.csv", "febrl", 0.90, 0.98, 0.96)]
    [InlineData("splink/fake_1000.csv", "splink", 0.75, 0.77, 0.98)]
    [InlineData("rldata/RLdata500.tsv", "rldata", 0.88, 0.97, 0.84)]
    [InlineData("rldata/RLdata10000.tsv", "rldata", 0.94, 0.99, 0.95)]
    public void Resolve_BenchmarkFile_MeetsItsFloor(string file, string format, double minimumF1, double minimumBlockingRecall, double minimumPrecision)
    {
        // The shared files carry keyed errors (impossible days, years such as 9185, rows with no name): read as
        // docs/linking.md says, treating bad values as missing and leaving out rows that cannot be used.
        var dataset = Datasets.Read(Data(file.Split('/')), format, options: Blanking);

        var (_, report) = Metrics.Run(dataset);

        Assert.NotNull(report);
        Assert.True(report.PairF1 >= minimumF1, $"{file}: pairwise F1 {report.PairF1:F4} is below {minimumF1}");
        Assert.True(report.BlockingRecall >= minimumBlockingRecall, $"{file}: blocking recall {report.BlockingRecall:F4} is below {minimumBlockingRecall}");
        Assert.True(report.PairPrecision >= minimumPrecision, $"{file}: pairwise precision {report.PairPrecision:F4} is below {minimumPrecision}");
    }

    [Fact]
    public void Febrl_SocialSecurityNumberIsNeverRead()
    {
        var dataset = Datasets.Read(Data("febrl", "dataset1.csv"), "febrl", options: Blanking);
        var ssn = File.ReadLines(Data("febrl", "dataset1.csv")).Skip(1).First().Split(',')[^1].Trim();

        Assert.DoesNotContain(dataset.Records, r => (r.Addresses ?? []).Any(a => a.Contains(ssn, StringComparison.Ordinal)) || (r.Postcodes ?? []).Contains(ssn));
    }

    [Fact]
    public void GenericCsv_MissingColumnAndBrokenQuoting_ClearErrors()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-link-");
        try
        {
            var missing = Path.Combine(directory.FullName, "missing.csv");
            File.WriteAllText(missing, "id,given\n1,Dan\n");
            var broken = Path.Combine(directory.FullName, "broken.csv");
            File.WriteAllText(broken, "id,given,family\n1,Dan,Hughes\n2,\"Megan,Pritchard\n");

            var noColumn = Assert.Throws<LinkageDataException>(() => Datasets.Read(missing, "csv", "id=id,given=given,family=surname"));
            var badQuote = Assert.Throws<LinkageDataException>(() => Datasets.Read(broken, "csv", "id=id,given=given,family=family"));
            var badFormat = Assert.Throws<LinkageDataException>(() => Datasets.Read(missing, "xml"));

            Assert.Contains("missing column 'surname'", noColumn.Message, StringComparison.Ordinal);
            Assert.Contains("line 3", badQuote.Message, StringComparison.Ordinal);
            Assert.Contains("febrl, splink, rldata or csv", badFormat.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private const string Header = "id,given,family,dob,phone,email,sex,truth\n";
    private const string Mapping = "id=id,given=given,family=family,dob=dob,phone=phone,email=email,sex=sex,truth=truth";

    private static LinkageDataset ReadText(string text, BadRows badRows)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("vigil-link-").FullName, "people.csv");
        try
        {
            File.WriteAllText(file, text);
            return Datasets.Read(file, "csv", Mapping, options: new ReadOptions(badRows, LatestBirthYear: 2026));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("2,Megan,Pritchard,next tuesday,,,,h2", "line 3, dob: expected a date of birth such as 1991-11-03, 19911103 or 03/11/1991, found 'next tuesday'")]
    [InlineData("2,Megan,Pritchard,2999-01-01,,,,h2", "line 3, dob: expected a year of birth from 1850 to 2026, found 2999")]
    [InlineData("2,Megan,Pritchard,1990-02-30,,,,h2", "line 3, dob: expected a day from 1 to 28 for 1990-02, found 30 in '1990-02-30'")]
    [InlineData("2,,,1990-02-03,,,,h2", "line 3, given, family: expected a given name or a family name, found neither")]
    [InlineData("1,Megan,Pritchard,1990-02-03,,,,h2", "line 3, id: expected a different id: '1' is already used on line 2")]
    [InlineData("2,Megan,Pritchard,1990-02-03,07700 9OO123,,,h2", "line 3, phone: expected a phone number of 6 to 15 digits, found '07700 9OO123'")]
    [InlineData("2,Megan,Pritchard,1990-02-03,,megan at example.org,,h2", "line 3, email: expected an email address such as name@example.org, found 'megan at example.org'")]
    [InlineData("2,Megan,Pritchard,1990-02-03,,,yes,h2", "line 3, sex: expected F, M, U or X, found 'yes'")]
    [InlineData("2,Megan,Pritchard", "line 3, dob: expected 4 or more fields, found 3")]
    public void BadRow_StopsByDefault_NamingLineFieldAndExpectation(string badRow, string message)
    {
        var text = Header + "1,Dan,Hughes,1991-11-03,,,M,h1\n" + badRow + "\n3,Dai,Hughes,03/11/1991,,,M,h1\n";

        var stopped = Assert.Throws<LinkageRowException>(() => ReadText(text, BadRows.Stop));
        var skipped = ReadText(text, BadRows.Skip);

        Assert.Equal(message, stopped.Message);
        Assert.Equal(["1", "3"], skipped.Records.Select(r => r.Id));
        Assert.Equal(["h1", "h1"], skipped.Truth!);
        Assert.Equal(message, Assert.Single(skipped.Skipped).ToString());
        Assert.Equal("1991-11-03", skipped.Records[1].DateOfBirth);
    }

    [Fact]
    public void Blank_KeepsTheRowWithoutTheBadValue_AndWhatCanBeKeptOfADate()
    {
        var text = Header
            + "1,Dan,Hughes,1937-12-33,+44 (0)7700 900123,,M,h1\n"
            + "2,Megan,Pritchard,9185-01-01,0770,MEGAN@EXAMPLE.ORG,female,h2\n"
            + "3,Sian,Evans,soon,,,Q,h3\n"
            + "4,,,1990-01-01,,,,h4\n";

        var dataset = ReadText(text, BadRows.Blank);

        Assert.Equal(["1", "2", "3"], dataset.Records.Select(r => r.Id));
        Assert.Equal(["1937-12", "", ""], dataset.Records.Select(r => r.DateOfBirth));
        Assert.Equal(["+44 (0)7700 900123"], dataset.Records[0].Phones!);
        Assert.Empty(dataset.Records[1].Phones!);
        Assert.Equal(["MEGAN@EXAMPLE.ORG"], dataset.Records[1].Emails!);
        Assert.Equal("", dataset.Records[2].Sex);
        Assert.Equal(["h1", "h2", "h3"], dataset.Truth!);
        Assert.Equal([(2, "dob"), (3, "dob"), (3, "phone"), (4, "dob"), (4, "sex")], dataset.Blanked.Select(p => (p.Line, p.Field)));
        Assert.Equal(5, Assert.Single(dataset.Skipped).Line);
    }

    [Fact]
    public void TenMegabyteField_ReportedByColumn_NeverRead()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var text = Header + $"1,Dan,{huge},1991-11-03,,,M,h1\n2,Dai,Hughes,1991-11-03,,,M,h1\n";

        var stopped = Assert.Throws<LinkageRowException>(() => ReadText(text, BadRows.Stop));
        var blanked = ReadText(text, BadRows.Blank);

        Assert.Equal("line 2, family: expected at most 10,000 characters", stopped.Message);
        Assert.Equal("", blanked.Records[0].FamilyName);
        Assert.Equal("Hughes", blanked.Records[1].FamilyName);
    }

    [Fact]
    public void QuotedFieldOverSeveralLines_ProblemsNameTheLineTheRowStartsOn()
    {
        var text = Header + "1,Dan,Hughes,1991-11-03,,,M,\"h\n1\"\n2,Dai,Hughes,1991-13-03,,,M,h1\n";

        var stopped = Assert.Throws<LinkageRowException>(() => ReadText(text, BadRows.Stop));

        Assert.StartsWith("line 4, dob: expected a month from 1 to 12", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_PairAndBCubed_OnAKnownClustering()
    {
        string[] truth = ["a", "a", "a", "b", "b"];
        string[] predicted = ["x", "x", "y", "y", "y"];

        var (tp, truePairs, predictedPairs) = Metrics.PairCounts(predicted, truth);
        var (precision, recall) = Metrics.BCubed(predicted, truth);

        // Same person and same cluster: records 0–1 and 3–4.
        Assert.Equal((2L, 4L, 4L), (tp, truePairs, predictedPairs));
        Assert.Equal((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, precision, 9);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, recall, 9);
    }
}
