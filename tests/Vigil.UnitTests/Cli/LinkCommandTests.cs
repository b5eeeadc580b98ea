using Microsoft.Extensions.Time.Testing;
using Vigil.Cli;

namespace Vigil.UnitTests.Cli;

/// <summary>
/// <c>vigil link</c> on a file with a bad row: stops by default naming line, column and expectation and writes
/// nothing; skips or blanks on request and reports every problem; never crashes on an unwritable output.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LinkCommandTests : IDisposable
{
    private const string Mapping = "id=id,given=given,family=family,dob=dob,truth=truth";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-link-cli-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private (int Exit, string Out, string Error) Link(params string[] options)
    {
        var input = PathOf("people.csv");
        File.WriteAllText(input, "id,given,family,dob,truth\n1,Dan,Hughes,1991-11-03,a\n2,Daniel,Hughs,3000-11-03,a\n3,Megan,Pritchard,1985-02-01,b\n");
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = LinkCommand.Run(["link", "--input", input, "--format", "csv", "--mapping", Mapping, .. options], _clock);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public void BadRow_ByDefault_StopsWithExitTwo_NamingLineAndField_WritesNothing()
    {
        var (exit, _, error) = Link("--output", PathOf("clusters.csv"));

        Assert.Equal(VigilCli.ExitUsage, exit);
        Assert.Contains("line 3, dob: expected a year of birth from 1850 to 2026, found 3000", error, StringComparison.Ordinal);
        Assert.Contains("--bad-rows skip", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("clusters.csv")));
    }

    [Fact]
    public void BadRows_Skip_LeavesTheRowOut_AndListsEveryProblem()
    {
        var (exit, stdout, error) = Link("--output", PathOf("clusters.csv"), "--bad-rows", "skip", "--problems", PathOf("problems.csv"));

        Assert.Equal(VigilCli.ExitOk, exit);
        Assert.Contains("2 records -> 2 people", stdout, StringComparison.Ordinal);
        Assert.Contains("1 rows left out, 0 values treated as missing", error, StringComparison.Ordinal);
        Assert.Equal(["record_id,cluster_id", "1,1", "3,3"], File.ReadAllLines(PathOf("clusters.csv")));
        Assert.Equal(["line,field,expected,action", "3,dob,\"expected a year of birth from 1850 to 2026, found 3000\",left out"], File.ReadAllLines(PathOf("problems.csv")));
    }

    [Fact]
    public void BadRows_Blank_KeepsTheRecordWithoutItsDate()
    {
        var (exit, stdout, error) = Link("--output", PathOf("clusters.csv"), "--bad-rows", "blank");

        Assert.Equal(VigilCli.ExitOk, exit);
        Assert.Contains("3 records", stdout, StringComparison.Ordinal);
        Assert.Contains("line 3, dob: expected a year of birth from 1850 to 2026, found 3000 (treated as missing)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBadRowsMode_And_UnwritableOutput_AreClearErrors()
    {
        var (unknownExit, _, unknownError) = Link("--bad-rows", "ignore");
        var (writeExit, _, writeError) = Link("--bad-rows", "skip", "--output", PathOf("no/such/folder/clusters.csv"));

        Assert.Equal(VigilCli.ExitUsage, unknownExit);
        Assert.Contains("--bad-rows must be stop, skip or blank, not 'ignore'", unknownError, StringComparison.Ordinal);
        Assert.Equal(VigilCli.ExitFailure, writeExit);
        Assert.Contains("cannot write the results", writeError, StringComparison.Ordinal);
    }
}

/// <summary>Tests that swap the process-wide console writers run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
