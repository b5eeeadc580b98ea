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
    private static string Data(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryFiles.Root, "..", "shared", "data", "linkage", .. parts]));

    [Theory]
    [InlineData("febrl/dataset1.csv", "febrl", 0.97, 0.99, 0.99)]
    [InlineData("febrl/dataset2.csv", "febrl", 0.90, 0.98, 0.96)]
    [InlineData("splink/fake_1000.csv", "splink", 0.75, 0.77, 0.98)]
    [InlineData("rldata/RLdata500.tsv", "rldata", 0.88, 0.97, 0.84)]
    [InlineData("rldata/RLdata10000.tsv", "rldata", 0.94, 0.99, 0.95)]
    public void Resolve_BenchmarkFile_MeetsItsFloor(string file, string format, double minimumF1, double minimumBlockingRecall, double minimumPrecision)
    {
        var dataset = Datasets.Read(Data(file.Split('/')), format);

        var (_, report) = Metrics.Run(dataset);

        Assert.NotNull(report);
        Assert.True(report.PairF1 >= minimumF1, $"{file}: pairwise F1 {report.PairF1:F4} is below {minimumF1}");
        Assert.True(report.BlockingRecall >= minimumBlockingRecall, $"{file}: blocking recall {report.BlockingRecall:F4} is below {minimumBlockingRecall}");
        Assert.True(report.PairPrecision >= minimumPrecision, $"{file}: pairwise precision {report.PairPrecision:F4} is below {minimumPrecision}");
    }

    [Fact]
    public void Febrl_SocialSecurityNumberIsNeverRead()
    {
        var dataset = Datasets.Read(Data("febrl", "dataset1.csv"), "febrl");
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
            Assert.Contains("row 3", badQuote.Message, StringComparison.Ordinal);
            Assert.Contains("febrl, splink, rldata or csv", badFormat.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
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
