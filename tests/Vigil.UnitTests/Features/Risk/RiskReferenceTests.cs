using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Risk;

namespace Vigil.UnitTests.Features.Risk;

/// <summary>Bands, red flags and pre-fill: the reference data and the suggestions the risk form is built on.</summary>
public sealed class RiskReferenceTests
{
    [Theory]
    [InlineData(0, RiskGrade.Standard)]
    [InlineData(9, RiskGrade.Standard)]
    [InlineData(10, RiskGrade.Medium)]
    [InlineData(13, RiskGrade.Medium)]
    [InlineData(14, RiskGrade.High)]
    [InlineData(27, RiskGrade.High)]
    public void DefaultBands_FourteenYesIsHigh(int yes, RiskGrade expected) => Assert.Equal(expected, RiskReference.Default.Band(yes));

    [Fact]
    public void ForceSettings_OverrideBandsAndRedFlags_AndKeepWording()
    {
        var reference = RiskReference.From(new Dictionary<string, string>
        {
            [RiskReference.HighBandKey] = "12",
            [RiskReference.RedFlagsKey] = "dash17, st04",
            [RiskReference.WordingKey("dash02", "cy")] = "A yw hi’n ofnus?",
        });

        Assert.Equal(RiskGrade.High, reference.Band(12));
        Assert.Equal(10, reference.MediumBand);
        Assert.Equal(["dash17", "st04"], reference.RedFlags);
        Assert.Equal("A yw hi’n ofnus?", reference.WordingOf("dash02", "cy"));
        Assert.Null(reference.WordingOf("dash02", "en"));
    }

    [Fact]
    public void RedFlagCombination_CountsOnlyWhenEveryPartIsYes()
    {
        var separatedOnly = new Dictionary<string, bool> { ["dash06"] = true, ["dash08"] = false };
        var separatedAndStalked = new Dictionary<string, bool> { ["dash06"] = true, ["dash08"] = true, ["dash17"] = false };

        Assert.Empty(RiskReference.Default.RedFlagsIn(separatedOnly));
        Assert.Equal(["dash06+dash08"], RiskReference.Default.RedFlagsIn(separatedAndStalked));
    }

    [Fact]
    public void Steps_CoverEveryQuestionOnce_InOrder()
    {
        foreach (var tool in Enum.GetValues<RiskTool>())
        {
            Assert.Equal(RiskQuestions.Of(tool), RiskQuestions.Steps(tool).SelectMany(s => s));
            Assert.All(RiskQuestions.Of(tool), id => Assert.Equal(tool, RiskQuestions.ToolOf(id)));
        }
        Assert.Equal(27, RiskQuestions.Of(RiskTool.DASH).Count);
        Assert.Equal(11, RiskQuestions.Of(RiskTool.Stalking).Count);
        Assert.Equal(8, RiskQuestions.Of(RiskTool.HomicideTimeline).Count);
    }

    [Fact]
    public void EffectiveGrade_IsTheLatestReview()
    {
        var assessment = new RiskAssessment { Grade = RiskGrade.Standard };
        Assert.Equal(RiskGrade.Standard, assessment.EffectiveGrade);
        assessment.Reviews.Add(new RiskReview { Id = 1, ReviewedAt = DateTimeOffset.UnixEpoch.AddDays(2), Grade = RiskGrade.High });
        assessment.Reviews.Add(new RiskReview { Id = 2, ReviewedAt = DateTimeOffset.UnixEpoch.AddDays(1), Grade = RiskGrade.Medium });
        Assert.Equal(RiskGrade.High, assessment.EffectiveGrade);
    }

    private static RiskPicture.IncidentSeen Seen(long id, Behaviour[] behaviours, Relationship relationship = Relationship.ExPartner, bool target = false, bool fear = false) =>
        new(id, $"INC{id:D6}", "AA", DateTimeOffset.UnixEpoch.AddDays(id), Classification.Harassment, true, behaviours, relationship, true, fear, target);

    [Fact]
    public void Prefill_SuggestsYesFromRecords_NamingThem_AndNeverSuggestsNo()
    {
        var picture = new RiskPicture([1],
            [Seen(1, [Behaviour.ThreatToKill, Behaviour.Following], fear: true), Seen(2, [Behaviour.Strangulation], target: true)],
            [new RiskPicture.BreachSeen(7, "BRC000007", "ORD000003", OrderType.PreChargeBail, "BB", DateTimeOffset.UnixEpoch, true)],
            [], []);

        var dash = RiskPrefill.Suggest(picture, RiskTool.DASH).ToDictionary(s => s.QuestionId, s => s.Sources);

        Assert.Equal(["INC000001 (AA)"], dash["dash17"]);
        Assert.Equal(["INC000002 (AA)"], dash["dash18"]);
        Assert.Equal(["INC000002 (AA)"], dash["dash01"]);
        Assert.Equal(["BRC000007 (BB)"], dash["dash26"]);
        Assert.Contains("dash06", dash.Keys);
        Assert.DoesNotContain("dash16", dash.Keys);

        var stalking = RiskPrefill.Suggest(picture, RiskTool.Stalking).Select(s => s.QuestionId).ToList();
        Assert.Contains("st01", stalking);
        Assert.Contains("st06", stalking);
        Assert.Contains("st08", stalking);
    }

    [Fact]
    public void Prefill_StrangersWithNothingRecorded_SuggestsNothing()
    {
        var picture = new RiskPicture([1], [Seen(1, [], Relationship.Stranger)], [], [], []);

        Assert.Empty(RiskPrefill.Suggest(picture, RiskTool.DASH));
        Assert.Empty(RiskPrefill.Suggest(picture, RiskTool.HomicideTimeline));
    }
}
