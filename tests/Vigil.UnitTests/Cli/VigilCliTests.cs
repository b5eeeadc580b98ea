using Vigil.Cli;

namespace Vigil.UnitTests.Cli;

public class VigilCliTests
{
    [Fact]
    public void HostArguments_SeedVerbWithSeedAndUrls_KeepsOnlyHostOptions()
    {
        var result = VigilCli.HostArguments(["seed", "--seed", "5", "--urls", "http://x"]);

        Assert.Equal(["--urls", "http://x"], result);
    }

    [Fact]
    public void HostArguments_NoArguments_ReturnsEmpty()
    {
        Assert.Empty(VigilCli.HostArguments([]));
    }

    [Fact]
    public void HostArguments_AuditVerify_ReturnsEmpty()
    {
        Assert.Empty(VigilCli.HostArguments(["audit", "verify"]));
    }

    [Fact]
    public void HostArguments_OptionsWithoutVerb_PassedThrough()
    {
        var result = VigilCli.HostArguments(["--urls", "http://x", "--environment", "Development"]);

        Assert.Equal(["--urls", "http://x", "--environment", "Development"], result);
    }

    [Fact]
    public void HostArguments_ResetAndHelpFlags_Dropped()
    {
        var result = VigilCli.HostArguments(["seed", "--reset", "--seed", "42", "--help", "-h", "--urls", "http://x"]);

        Assert.Equal(["--urls", "http://x"], result);
    }

    [Fact]
    public void HostArguments_SeedWithoutValue_DoesNotThrow()
    {
        Assert.Empty(VigilCli.HostArguments(["seed", "--seed"]));
    }

    [Fact]
    public void HostArguments_BenchPeople_DropsItsOwnOptions()
    {
        var result = VigilCli.HostArguments(["bench", "people", "--count", "1000", "--output", "p.csv", "--seed", "3", "--environment", "Production"]);

        Assert.Equal(["--environment", "Production"], result);
    }
}
