using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Features.VictimCare;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>unsafe-advice and evidence-at-risk on their own: what each reports, and what it leaves alone.</summary>
public sealed class PlanRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();
    private long _victim;
    private long _incident;

    public async Task InitializeAsync()
    {
        await _data.InitializeAsync();
        _victim = await _data.PersonAsync("Megan", "Pritchard");
        _incident = await _data.IncidentAsync(_victim, await _data.PersonAsync("Daniel", "Hughes"), T0, [Behaviour.UnwantedContact]);
    }

    public Task DisposeAsync() => _data.DisposeAsync();

    private async Task<long> AdviceAsync(string text)
    {
        var advice = new Advice { ForceId = _data.ForceId, VictimId = _victim, Text = text, RecordedAt = T0, ByName = "PC 1101" };
        _data.Db.Advice.Add(advice);
        await _data.Db.SaveChangesAsync();
        return advice.Id;
    }

    private async Task<EvidenceItem> EvidenceAsync(EvidenceKind kind, EvidenceStatus status, DateTimeOffset recorded,
        DateTimeOffset? until = null, DateTimeOffset? expected = null, string? description = null)
    {
        var item = new EvidenceItem
        {
            ForceId = _data.ForceId, IncidentId = _incident, Kind = kind, Status = status, RecordedAt = recorded, ByName = "DC 3301",
            AvailableUntil = until, ExpectedBy = expected, Description = description, RequestedAt = status == EvidenceStatus.Requested ? recorded : null,
        };
        _data.Db.EvidenceItems.Add(item);
        await _data.Db.SaveChangesAsync();
        return item;
    }

    private async Task AssessedAsync(RiskGrade grade, DateTimeOffset at)
    {
        _data.Db.RiskAssessments.Add(new RiskAssessment
        {
            ForceId = _data.ForceId, IncidentId = _incident, VictimId = _victim, Tool = RiskTool.Stalking, Grade = grade, Rationale = "Reasons.",
            RecordedAt = at, Status = RiskAssessmentStatus.Complete, CompletedAt = at,
        });
        await _data.Db.SaveChangesAsync();
    }

    private static RuleTrigger Written(string kind, long id) => RuleTrigger.ForRecord(kind, id);

    [Fact]
    public async Task UnsafeAdvice_BlockAndComeOffFacebook_HighNamingTheRecordAndReasons()
    {
        var id = await AdviceAsync("Advised her to block his number and come off Facebook for a while.");

        var finding = Assert.Single(await _data.RunAsync(new UnsafeAdviceRule(), Written(AuditEntities.Advice, id), T0));

        Assert.Equal(UnsafeAdviceRule.RuleId, finding.RuleId);
        Assert.Equal(AlertSeverity.High, finding.Severity);
        Assert.Equal($"advice:{id}", finding.SubjectKey);
        Assert.Equal(VictimCareApi.AdviceReference(id), finding.MessageArguments[0]);
        Assert.Equal(["Block", "LeaveSocialMedia"], AlertText.CodesOf(finding.MessageArguments[2]));
        Assert.Contains("block his number", finding.MessageArguments[3], StringComparison.Ordinal);
        Assert.Contains((AlertEvidenceKind.PersonRecord, _victim), finding.Evidence);
    }

    [Theory]
    [InlineData("Told her not to block him, to keep a diary and to call 999 in an emergency.")]
    [InlineData("Keep the number and use a second phone rather than blocking him. Don't delete the messages.")]
    public async Task UnsafeAdvice_SafeAdvice_NothingReported(string text)
    {
        var id = await AdviceAsync(text);

        Assert.Empty(await _data.RunAsync(new UnsafeAdviceRule(), Written(AuditEntities.Advice, id), T0));
    }

    [Fact]
    public async Task UnsafeAdvice_OtherWrites_NotLookedAt()
    {
        await AdviceAsync("Change your number.");

        Assert.Empty(await _data.RunAsync(new UnsafeAdviceRule(), RuleTrigger.ForIncident(_incident), T0));
        Assert.Empty(await _data.RunAsync(new UnsafeAdviceRule(), RuleTrigger.ForTime(T0, T0.AddDays(1)), T0.AddDays(1)));
    }

    [Fact]
    public async Task EvidenceAtRisk_CctvRecordedTwoDaysBeforeOverwrite_ReportedOnWrite()
    {
        var item = await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Available, T0, until: T0.AddDays(2));

        var finding = Assert.Single(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, item.Id), T0));

        Assert.Equal(AlertSeverity.High, finding.Severity);
        Assert.Equal("Alert.EvidenceAtRisk.Cctv", finding.MessageKey);
        Assert.Equal($"evidence:{item.Id}", finding.SubjectKey);
        Assert.Contains((AlertEvidenceKind.Incident, _incident), finding.Evidence);
    }

    [Fact]
    public async Task EvidenceAtRisk_CctvOverwrittenInTenDays_ReportedOnceWhenThreeDaysAreLeft()
    {
        var item = await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Requested, T0, until: T0.AddDays(10));
        var rule = new EvidenceAtRiskRule();

        Assert.Empty(await _data.RunAsync(rule, Written(AuditEntities.Evidence, item.Id), T0));
        Assert.Empty(await _data.RunAsync(rule, RuleTrigger.ForTime(T0, T0.AddDays(6)), T0.AddDays(6)));
        Assert.Single(await _data.RunAsync(rule, RuleTrigger.ForTime(T0.AddDays(6), T0.AddDays(8)), T0.AddDays(8)));
        Assert.Empty(await _data.RunAsync(rule, RuleTrigger.ForTime(T0.AddDays(8), T0.AddDays(12)), T0.AddDays(12)));
    }

    [Fact]
    public async Task EvidenceAtRisk_CctvSecuredBeforeTheWarning_NothingReported()
    {
        await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Available, T0, until: T0.AddDays(10));
        await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Secured, T0.AddDays(2));

        Assert.Empty(await _data.RunAsync(new EvidenceAtRiskRule(), RuleTrigger.ForTime(T0.AddDays(6), T0.AddDays(8)), T0.AddDays(8)));
    }

    [Fact]
    public async Task EvidenceAtRisk_OtherFootageSecured_StillReported()
    {
        await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Available, T0, until: T0.AddDays(10), description: "Co-op, Station Road");
        await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Secured, T0.AddDays(2), description: "Bus station");

        Assert.Single(await _data.RunAsync(new EvidenceAtRiskRule(), RuleTrigger.ForTime(T0.AddDays(6), T0.AddDays(8)), T0.AddDays(8)));
    }

    [Fact]
    public async Task EvidenceAtRisk_ThresholdChangedByForce_Used()
    {
        _data.Db.RuleSettings.Add(new RuleSetting { ForceId = _data.ForceId, RuleId = EvidenceAtRiskRule.RuleId, Name = "cctvDays", Value = 7, Reason = "Local systems keep 7 days" });
        await _data.Db.SaveChangesAsync();
        var item = await EvidenceAsync(EvidenceKind.CCTV, EvidenceStatus.Available, T0, until: T0.AddDays(6));

        Assert.Single(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, item.Id), T0));
    }

    [Fact]
    public async Task EvidenceAtRisk_PhoneDownload180DaysHighRisk_Reported()
    {
        await AssessedAsync(RiskGrade.High, T0);
        var item = await EvidenceAsync(EvidenceKind.PhoneDownload, EvidenceStatus.Requested, T0.AddDays(1), expected: T0.AddDays(181));

        var finding = Assert.Single(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, item.Id), T0.AddDays(1)));

        Assert.Equal("Alert.EvidenceAtRisk.Download", finding.MessageKey);
        Assert.Equal("180", finding.MessageArguments[3]);
    }

    [Fact]
    public async Task EvidenceAtRisk_PhoneDownloadStandardRiskOrWithinFortnight_NothingReported()
    {
        await AssessedAsync(RiskGrade.High, T0);
        await AssessedAsync(RiskGrade.Standard, T0.AddHours(2));
        var slow = await EvidenceAsync(EvidenceKind.PhoneDownload, EvidenceStatus.Requested, T0.AddDays(1), expected: T0.AddDays(181));
        Assert.Empty(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, slow.Id), T0.AddDays(1)));

        await AssessedAsync(RiskGrade.High, T0.AddDays(2));
        var quick = await EvidenceAsync(EvidenceKind.PhoneDownload, EvidenceStatus.Requested, T0.AddDays(2), expected: T0.AddDays(12));
        Assert.Empty(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, quick.Id), T0.AddDays(2)));
    }

    [Fact]
    public async Task EvidenceAtRisk_CaseGradedHighAfterTheRequest_ReportedWhenAssessed()
    {
        var item = await EvidenceAsync(EvidenceKind.PhoneDownload, EvidenceStatus.Requested, T0, expected: T0.AddDays(90));
        Assert.Empty(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.Evidence, item.Id), T0));
        await AssessedAsync(RiskGrade.High, T0.AddDays(3));
        var assessment = _data.Db.RiskAssessments.OrderByDescending(r => r.Id).First().Id;

        var finding = Assert.Single(await _data.RunAsync(new EvidenceAtRiskRule(), Written(AuditEntities.RiskAssessment, assessment), T0.AddDays(3)));

        Assert.Equal($"evidence:{item.Id}", finding.SubjectKey);
    }
}
