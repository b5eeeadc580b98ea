using Vigil.Features.Alerts;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Offences;
using Fact = Vigil.Features.Offences.CaseFacts.IncidentFact;

namespace Vigil.UnitTests.Features.Offences;

/// <summary>
/// Each offence's checklist read against small, made-up cases: what meets each point, what only partly meets it
/// (with the note saying what is missing), and what leaves it missing. Incident ids are chosen so the references
/// in the notes read as they would on a real case (INC000012 and so on).
/// </summary>
public sealed class OffenceGuidanceTests
{
    private static readonly DateTimeOffset After = new(2025, 6, 2, 19, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforePostSeparation = new(2022, 9, 14, 8, 0, 0, TimeSpan.Zero);

    // ---- Builders ------------------------------------------------------------------------------------------------

    private static Fact Incident(
        long id, Classification classification = Classification.Harassment, Behaviour[]? behaviours = null, Channel[]? channels = null,
        Relationship? relationship = Relationship.ExPartner, bool fear = false, bool alarm = false, bool routine = false, bool domestic = false,
        DateTimeOffset? at = null, Classification[]? included = null) =>
        new(id, (at ?? After).AddDays(id), classification, included ?? [], behaviours ?? [], channels ?? [Channel.InPerson], relationship, fear, alarm, routine, domestic);

    private static CaseFacts.ImpactFact Impact(long id, ImpactEvidenceKind kind, int? fearOccasions = null, params ImpactEffect[] effects) =>
        new(id, kind, effects.ToHashSet(), fearOccasions);

    private static GuidanceResult Assess(
        IEnumerable<Fact> incidents, CaseFacts.EvidenceFact[]? evidence = null, CaseFacts.ImpactFact[]? impact = null,
        CaseFacts.ScreeningFact[]? screenings = null, Classification[]? decisions = null) =>
        OffenceGuidance.Assess(new CaseFacts([.. incidents], evidence ?? [], impact ?? [], screenings ?? [], decisions ?? []));

    private static OffenceAssessment Of(GuidanceResult result, Offence offence) => result.Offences.Single(o => o.Offence == offence);

    private static PointAssessment PointOf(GuidanceResult result, Offence offence, Point point) => Of(result, offence).Points.Single(p => p.Point == point);

    private static IEnumerable<string> References(PointAssessment point) => point.Support.Select(s => s.Reference);

    private static readonly Behaviour[] Following = [Behaviour.Following, Behaviour.TurningUpAtWork];

    // ---- Shape ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Assess_AnyCase_StartsFromS4A_ThenEveryOtherOffence()
    {
        var result = Assess([Incident(12)]);

        Assert.Equal([Offence.S4A, Offence.S2A, Offence.S4, Offence.S2, Offence.S76, Offence.MaliciousCommunications], result.Offences.Select(o => o.Offence));
        Assert.Equal([Point.CourseOfConduct, Point.StalkingActs, Point.SeriousEffect, Point.KnowledgeOfEffect], Of(result, Offence.S4A).Points.Select(p => p.Point));
        Assert.Equal([Point.ControllingBehaviour, Point.PersonallyConnected, Point.SeriousEffect, Point.KnowledgeOfSeriousEffect], Of(result, Offence.S76).Points.Select(p => p.Point));
    }

    [Fact]
    public void Assess_NoIncidents_EveryOffenceMissing()
    {
        var result = Assess([]);

        Assert.All(result.Offences, o => Assert.Equal(PointStatus.Missing, o.Status));
        Assert.Equal("Guidance.Missing.NoIncidents", Assert.Single(PointOf(result, Offence.S2, Point.CourseOfConduct).Missing).Key);
    }

    // ---- s4A -----------------------------------------------------------------------------------------------------

    [Fact]
    public void S4A_FollowedTwiceFearingViolenceEachTime_AfterBailConditions_Met_AndNoDecisionIsFlagged()
    {
        var result = Assess([
            Incident(12, Classification.StalkingS2A, Following, fear: true),
            Incident(15, Classification.BreachOfBail, [Behaviour.Following, Behaviour.BreachOfConditions], fear: true),
        ]);

        var s4a = Of(result, Offence.S4A);
        Assert.Equal(PointStatus.Met, s4a.Status);
        Assert.All(s4a.Points, p => Assert.Empty(p.Missing));
        Assert.Equal(["INC000012", "INC000015"], References(PointOf(result, Offence.S4A, Point.SeriousEffect)));
        Assert.Equal(["INC000015"], References(PointOf(result, Offence.S4A, Point.KnowledgeOfEffect)));
        Assert.Equal("Guidance.Decision.S4AMetUndecided", result.Decision!.Key);
    }

    [Theory]
    [InlineData(Classification.StalkingS2A, "Guidance.Decision.S4AMetDecidedOther")]
    [InlineData(Classification.StalkingS4A, null)]
    public void S4A_AllPointsMet_DecisionOtherThanS4A_AskedToReview(Classification decided, string? expected)
    {
        var result = Assess([
            Incident(12, behaviours: [Behaviour.Following, Behaviour.ThreatsOfViolence], fear: true),
            Incident(15, behaviours: Following, fear: true),
        ], decisions: [decided, Classification.Harassment]);

        Assert.Equal(PointStatus.Met, Of(result, Offence.S4A).Status);
        Assert.Equal(expected, result.Decision?.Key);
        if (expected is not null)
        {
            Assert.Equal(["StalkingS2A"], AlertText.CodesOf(result.Decision!.Arguments[0]));
        }
    }

    [Fact]
    public void S4A_FearRecordedOnce_PartlyMet_SaysS4ANeedsTwoOrSeriousAlarmWithEffect()
    {
        var result = Assess([Incident(12, behaviours: Following, fear: true), Incident(15, behaviours: Following)]);

        var effect = PointOf(result, Offence.S4A, Point.SeriousEffect);
        Assert.Equal(PointStatus.Partly, effect.Status);
        var note = Assert.Single(effect.Missing);
        Assert.Equal("Guidance.Missing.S4AFearOnce", note.Key);
        Assert.Equal(["INC000012"], note.Arguments);
        Assert.Equal(PointStatus.Partly, Of(result, Offence.S4A).Status);
    }

    [Fact]
    public void S4A_VictimAccountOfDistressAndMovingHome_MeetsTheEffect_FromTheImpactEvidence()
    {
        var result = Assess(
            [Incident(12, behaviours: Following), Incident(15, behaviours: Following)],
            impact: [Impact(3, ImpactEvidenceKind.VictimAccount, null, ImpactEffect.SeriousAlarmOrDistress, ImpactEffect.MovedHome)]);

        var effect = PointOf(result, Offence.S4A, Point.SeriousEffect);
        Assert.Equal(PointStatus.Met, effect.Status);
        Assert.Equal(["IMP000003"], References(effect));
    }

    [Fact]
    public void S4A_AlarmOnOneIncident_ChangedRoutineOnAnother_Met_TheEffectIsOfTheWholeCourse()
    {
        var result = Assess([Incident(12, behaviours: Following, alarm: true), Incident(15, behaviours: Following, routine: true)]);

        Assert.Equal(PointStatus.Met, PointOf(result, Offence.S4A, Point.SeriousEffect).Status);
    }

    [Fact]
    public void S4A_AlarmButNothingChanged_PartlyMet_AsksWhetherTheyChangedAnythingEvenSubtly()
    {
        var result = Assess(
            [Incident(12, behaviours: Following, alarm: true), Incident(15, behaviours: Following)],
            impact: [Impact(4, ImpactEvidenceKind.Diary, null, ImpactEffect.SeriousAlarmOrDistress, ImpactEffect.InstalledSecurity)]);

        var effect = PointOf(result, Offence.S4A, Point.SeriousEffect);
        Assert.Equal(PointStatus.Partly, effect.Status);
        var note = Assert.Single(effect.Missing);
        Assert.Equal("Guidance.Missing.AdverseEffect", note.Key);
        Assert.Equal("INC000012, IMP000004", note.Arguments[0]);
    }

    [Fact]
    public void S4A_OnlyAnImpactStatementHeld_PartlyMet_AsksForItsEffectsToBeRecorded()
    {
        var result = Assess(
            [Incident(12, behaviours: Following), Incident(15, behaviours: Following)],
            evidence: [new(7, EvidenceKind.ImpactStatement, EvidenceStatus.Secured)]);

        var effect = PointOf(result, Offence.S4A, Point.SeriousEffect);
        Assert.Equal(PointStatus.Partly, effect.Status);
        Assert.Equal("Guidance.Missing.StatementNotRead", Assert.Single(effect.Missing).Key);
        Assert.Equal(["EVD000007"], References(effect));
    }

    [Fact]
    public void S4A_NoFearNoAlarmNoChange_EffectMissing_AsksTheQuestion()
    {
        var result = Assess([Incident(12, behaviours: Following), Incident(15, behaviours: Following)]);

        var effect = PointOf(result, Offence.S4A, Point.SeriousEffect);
        Assert.Equal(PointStatus.Missing, effect.Status);
        Assert.Equal("Guidance.Missing.SeriousEffectNone", Assert.Single(effect.Missing).Key);
        Assert.Empty(effect.Support);
    }

    // ---- s2A -----------------------------------------------------------------------------------------------------

    [Fact]
    public void S2A_FollowedTwice_DistressedWithAStatement_AfterAnOrder_Met()
    {
        var result = Assess(
            [Incident(12, behaviours: Following, alarm: true), Incident(15, Classification.BreachOfOrder, Following)],
            evidence: [new(7, EvidenceKind.Statement, EvidenceStatus.Available)]);

        Assert.Equal(PointStatus.Met, Of(result, Offence.S2A).Status);
        Assert.Equal(["INC000012", "EVD000007"], References(PointOf(result, Offence.S2A, Point.Harassment)));
    }

    [Fact]
    public void S2A_StalkingActOnOneOccasionOnly_PartlyMet_NamesTheAct()
    {
        var result = Assess([Incident(12, behaviours: [Behaviour.Loitering]), Incident(15, behaviours: [Behaviour.Damage])]);

        var acts = PointOf(result, Offence.S2A, Point.StalkingActs);
        Assert.Equal(PointStatus.Partly, acts.Status);
        var note = Assert.Single(acts.Missing);
        Assert.Equal("Guidance.Missing.StalkingActsOnce", note.Key);
        Assert.Equal("INC000012", note.Arguments[0]);
        Assert.Equal(["Loitering"], AlertText.CodesOf(note.Arguments[1]));
    }

    [Fact]
    public void S2A_NoStalkingActButAFourYesScreening_PartlyMet_ActsAskedAbout()
    {
        var result = Assess([Incident(12, behaviours: [Behaviour.Damage]), Incident(15)], screenings: [new(9, FourYes: true), new(10, FourYes: false)]);

        var acts = PointOf(result, Offence.S2A, Point.StalkingActs);
        Assert.Equal(PointStatus.Partly, acts.Status);
        Assert.Equal(["SCR000009"], References(acts));
        Assert.Equal("Guidance.Missing.StalkingActsFourOnly", Assert.Single(acts.Missing).Key);
    }

    [Fact]
    public void S2A_NoStalkingActNoScreening_ActsMissing()
    {
        var result = Assess([Incident(12, behaviours: [Behaviour.Damage]), Incident(15)]);

        Assert.Equal(PointStatus.Missing, PointOf(result, Offence.S2A, Point.StalkingActs).Status);
        Assert.Equal(PointStatus.Partly, Of(result, Offence.S2A).Status);
    }

    // ---- s4 ------------------------------------------------------------------------------------------------------

    [Fact]
    public void S4_ThreatenedAndFearingViolenceTwice_Met_ThreatsShowHeOughtToKnow()
    {
        var result = Assess([
            Incident(12, behaviours: [Behaviour.ThreatsOfViolence], fear: true),
            Incident(15, behaviours: [Behaviour.UnwantedContact], fear: true),
        ]);

        Assert.Equal(PointStatus.Met, Of(result, Offence.S4).Status);
        Assert.Equal(["INC000012"], References(PointOf(result, Offence.S4, Point.KnowledgeOfFear)));
    }

    [Fact]
    public void S4_OneIncident_AccountDescribesThreeOccasionsOfFear_FearMet_CourseOnlyPartly()
    {
        var result = Assess([Incident(12)], impact: [Impact(3, ImpactEvidenceKind.VictimAccount, 3, ImpactEffect.FearOfViolence)]);

        Assert.Equal(PointStatus.Met, PointOf(result, Offence.S4, Point.FearOnTwoOccasions).Status);
        var course = PointOf(result, Offence.S4, Point.CourseOfConduct);
        Assert.Equal(PointStatus.Partly, course.Status);
        Assert.Equal("Guidance.Missing.OneOccasion", Assert.Single(course.Missing).Key);
        Assert.Equal(PointStatus.Partly, Of(result, Offence.S4).Status);
    }

    [Fact]
    public void S4_FearOnceInTheAccount_PartlyMet_S4NeedsTwo()
    {
        var result = Assess([Incident(12), Incident(15)], impact: [Impact(3, ImpactEvidenceKind.Diary, 1, ImpactEffect.FearOfViolence)]);

        var fear = PointOf(result, Offence.S4, Point.FearOnTwoOccasions);
        Assert.Equal(PointStatus.Partly, fear.Status);
        var note = Assert.Single(fear.Missing);
        Assert.Equal("Guidance.Missing.S4FearOnce", note.Key);
        Assert.Equal(["IMP000003"], note.Arguments);
    }

    [Fact]
    public void S4_ThreatsButNoFearRecorded_PartlyMet_AsksAboutEachOccasion()
    {
        var result = Assess([Incident(12, behaviours: [Behaviour.ThreatToKill]), Incident(15)]);

        var fear = PointOf(result, Offence.S4, Point.FearOnTwoOccasions);
        Assert.Equal(PointStatus.Partly, fear.Status);
        Assert.Equal("Guidance.Missing.FearThreatsOnly", Assert.Single(fear.Missing).Key);
    }

    [Fact]
    public void S4_NoFearNoThreats_FearMissing()
    {
        var result = Assess([Incident(12), Incident(15)]);

        var fear = PointOf(result, Offence.S4, Point.FearOnTwoOccasions);
        Assert.Equal(PointStatus.Missing, fear.Status);
        Assert.Equal("Guidance.Missing.S4FearNone", Assert.Single(fear.Missing).Key);
    }

    // ---- s2 ------------------------------------------------------------------------------------------------------

    [Fact]
    public void S2_DistressedTwice_AccountTaken_AfterBail_Met()
    {
        var result = Assess(
            [Incident(12, alarm: true), Incident(15, behaviours: [Behaviour.BreachOfConditions])],
            impact: [Impact(3, ImpactEvidenceKind.VictimAccount, null, ImpactEffect.SeriousAlarmOrDistress)]);

        Assert.Equal(PointStatus.Met, Of(result, Offence.S2).Status);
    }

    [Fact]
    public void S2_DistressNotedButNoAccountFromTheVictim_PartlyMet()
    {
        var result = Assess([Incident(12, alarm: true), Incident(15)]);

        var harassment = PointOf(result, Offence.S2, Point.Harassment);
        Assert.Equal(PointStatus.Partly, harassment.Status);
        Assert.Equal("Guidance.Missing.NoAccountOfDistress", Assert.Single(harassment.Missing).Key);
        var knowledge = PointOf(result, Offence.S2, Point.Knowledge);
        Assert.Equal(PointStatus.Partly, knowledge.Status);
        Assert.Equal(["2"], Assert.Single(knowledge.Missing).Arguments);
    }

    [Fact]
    public void S2_AccountHeldButNoDistressInIt_PartlyMet_AsksHowItFelt()
    {
        var result = Assess([Incident(12), Incident(15)], impact: [Impact(3, ImpactEvidenceKind.VictimAccount, null, ImpactEffect.ChangedPhoneOrAccounts)]);

        var harassment = PointOf(result, Offence.S2, Point.Harassment);
        Assert.Equal(PointStatus.Partly, harassment.Status);
        Assert.Equal("Guidance.Missing.DistressNotDescribed", Assert.Single(harassment.Missing).Key);
    }

    [Fact]
    public void S2_OneIncidentNothingAboutItsEffect_HarassmentAndKnowledgeMissing()
    {
        var result = Assess([Incident(12)]);

        Assert.Equal(PointStatus.Missing, PointOf(result, Offence.S2, Point.Harassment).Status);
        Assert.Equal(PointStatus.Missing, PointOf(result, Offence.S2, Point.Knowledge).Status);
        Assert.Equal(PointStatus.Partly, Of(result, Offence.S2).Status);
    }

    [Fact]
    public void S2_RequestedStatement_IsNotYetAnAccount()
    {
        var result = Assess([Incident(12, alarm: true), Incident(15)], evidence: [new(7, EvidenceKind.Statement, EvidenceStatus.Requested)]);

        Assert.Equal(PointStatus.Partly, PointOf(result, Offence.S2, Point.Harassment).Status);
    }

    // ---- s76 -----------------------------------------------------------------------------------------------------

    [Fact]
    public void S76_ExPartnerTrackingAndThreateningHer_FearingViolenceTwice_Met()
    {
        var result = Assess([
            Incident(12, Classification.CoerciveControl, [Behaviour.TrackingDevice], fear: true),
            Incident(15, behaviours: [Behaviour.ThreatsOfViolence, Behaviour.AccountAccess], fear: true),
        ]);

        Assert.Equal(PointStatus.Met, Of(result, Offence.S76).Status);
        Assert.Equal(["INC000012", "INC000015"], References(PointOf(result, Offence.S76, Point.PersonallyConnected)));
    }

    [Fact]
    public void S76_FormerPartnerConductAllBeforeApril2023_ConnectionOnlyPartlyMet()
    {
        var result = Assess([
            Incident(12, behaviours: [Behaviour.TrackingDevice], at: BeforePostSeparation),
            Incident(15, behaviours: [Behaviour.MonitoringOnline], at: BeforePostSeparation),
        ]);

        var connected = PointOf(result, Offence.S76, Point.PersonallyConnected);
        Assert.Equal(PointStatus.Partly, connected.Status);
        Assert.Equal("Guidance.Missing.BeforePostSeparation", Assert.Single(connected.Missing).Key);
    }

    [Fact]
    public void S76_ControlOnceAndOnlyMarkedDomestic_PartlyMet()
    {
        var result = Assess([
            Incident(12, behaviours: [Behaviour.AccountAccess], relationship: null, domestic: true),
            Incident(15, relationship: Relationship.Unknown),
        ]);

        Assert.Equal("Guidance.Missing.ControlOnce", Assert.Single(PointOf(result, Offence.S76, Point.ControllingBehaviour).Missing).Key);
        Assert.Equal("Guidance.Missing.RelationshipDomestic", Assert.Single(PointOf(result, Offence.S76, Point.PersonallyConnected).Missing).Key);
        Assert.Equal(PointStatus.Partly, Of(result, Offence.S76).Status);
    }

    [Fact]
    public void S76_Neighbours_NotPersonallyConnected_Missing_SaysWhatWasRecorded()
    {
        var result = Assess([Incident(12, relationship: Relationship.Neighbour), Incident(15, relationship: Relationship.Neighbour)]);

        var connected = PointOf(result, Offence.S76, Point.PersonallyConnected);
        Assert.Equal(PointStatus.Missing, connected.Status);
        var note = Assert.Single(connected.Missing);
        Assert.Equal("Guidance.Missing.NotConnected", note.Key);
        Assert.Equal(["Neighbour"], AlertText.CodesOf(note.Arguments[0]));
        Assert.Equal(PointStatus.Missing, PointOf(result, Offence.S76, Point.ControllingBehaviour).Status);
    }

    // ---- Malicious Communications Act s1 -------------------------------------------------------------------------

    [Fact]
    public void Mca_TextsRecordedAsMaliciousComms_Secured_Distressing_Met()
    {
        var result = Assess(
            [Incident(12, Classification.MaliciousCommunications, channels: [Channel.Text], alarm: true)],
            evidence: [new(7, EvidenceKind.Messages, EvidenceStatus.Secured)]);

        var mca = Of(result, Offence.MaliciousCommunications);
        Assert.Equal(PointStatus.Met, mca.Status);
        Assert.Equal(["INC000012", "EVD000007"], References(PointOf(result, Offence.MaliciousCommunications, Point.Sent)));
    }

    [Fact]
    public void Mca_ThreateningTextsSince2024_NotSecured_PartlyMet_PointsToTheOnlineSafetyAct()
    {
        var result = Assess([Incident(12, channels: [Channel.Text], behaviours: [Behaviour.ThreatsOfViolence], fear: true)]);

        var sent = PointOf(result, Offence.MaliciousCommunications, Point.Sent);
        Assert.Equal(PointStatus.Partly, sent.Status);
        Assert.Equal("Guidance.Missing.MessagesNotSecured", Assert.Single(sent.Missing).Key);
        var content = PointOf(result, Offence.MaliciousCommunications, Point.IndecentOrGrosslyOffensive);
        Assert.Equal(["Guidance.Missing.NoContent", "Guidance.Missing.ThreatsOnlineSafetyAct"], content.Missing.Select(m => m.Key));
        Assert.Equal(PointStatus.Partly, Of(result, Offence.MaliciousCommunications).Status);
    }

    [Fact]
    public void Mca_OnlyInPersonConduct_EveryPointMissing()
    {
        var result = Assess([Incident(12, behaviours: Following), Incident(15, behaviours: Following)]);

        Assert.Equal(PointStatus.Missing, Of(result, Offence.MaliciousCommunications).Status);
        Assert.Equal("Guidance.Missing.NoMessages", Assert.Single(PointOf(result, Offence.MaliciousCommunications, Point.Sent).Missing).Key);
    }

    [Fact]
    public void Mca_LostMessages_DoNotCount()
    {
        var result = Assess([Incident(12, channels: [Channel.Email])], evidence: [new(7, EvidenceKind.Messages, EvidenceStatus.Lost)]);

        Assert.Equal(PointStatus.Partly, PointOf(result, Offence.MaliciousCommunications, Point.Sent).Status);
    }

    // ---- Evidence that would help --------------------------------------------------------------------------------

    [Fact]
    public void Helpful_InPersonFollowing_AsksForCctvAndBodyWornVideo_NotPhoneEvidence_AndNothingAlreadyRecorded()
    {
        var result = Assess([Incident(12, behaviours: Following)], evidence: [new(7, EvidenceKind.CCTV, EvidenceStatus.Requested)]);

        Assert.Equal(["ImpactEvidence", "Call999", "Statement", "ImpactStatement", "BodyWornVideo"], result.Helpful.Select(h => h.Kind));
        Assert.All(result.Helpful, h => Assert.StartsWith("Guidance.Helps.", h.ReasonKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Helpful_MessagesOnSocialMedia_AsksForPhoneMessagesAndSocialMedia_ImpactEvidenceHeld()
    {
        var result = Assess([Incident(12, channels: [Channel.SocialMedia])], impact: [Impact(3, ImpactEvidenceKind.VictimAccount)]);

        Assert.Equal(["Call999", "PhoneDownload", "Messages", "Statement", "ImpactStatement", "SocialMedia"], result.Helpful.Select(h => h.Kind));
    }
}
