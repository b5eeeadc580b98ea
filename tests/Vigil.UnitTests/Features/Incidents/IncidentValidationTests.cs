using Vigil.Features.Incidents;
using Vigil.Infrastructure.Http;

namespace Vigil.UnitTests.Features.Incidents;

public class IncidentValidationTests
{
    private static readonly DateTimeOffset Latest = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static (IncidentValidation.Fields Fields, ValidationErrors Errors) Parse(
        string? classification = "Harassment",
        List<string>? included = null,
        bool? recordedAsCrime = null,
        string? narrative = null,
        List<string>? behaviours = null,
        List<string>? channels = null,
        string? relationship = null,
        bool classificationRequired = true)
    {
        var errors = new ValidationErrors();
        var fields = IncidentValidation.Parse(classification, included, recordedAsCrime, narrative, behaviours, channels, relationship, errors, classificationRequired);
        return (fields, errors);
    }

    private static ValidationErrors ValidateTimes(DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new ValidationErrors();
        IncidentValidation.ValidateTimes(from, to, Latest, errors);
        return errors;
    }

    public static TheoryData<Classification> NonCrimeClassifications => [.. Classifications.NonCrime];

    [Fact]
    public void Parse_AllFieldsValid_ParsedWithoutErrors()
    {
        var (fields, errors) = Parse(
            classification: "stalkingS4A",
            included: ["Harassment", "MaliciousCommunications"],
            recordedAsCrime: true,
            narrative: "  Followed the victim home.  ",
            behaviours: ["Following", "TurningUpAtHome"],
            channels: ["InPerson"],
            relationship: "expartner");

        Assert.Empty(errors.Errors);
        Assert.Equal(Classification.StalkingS4A, fields.Classification);
        Assert.Equal([Classification.Harassment, Classification.MaliciousCommunications], fields.IncludedClassifications);
        Assert.True(fields.RecordedAsCrime);
        Assert.Equal("Followed the victim home.", fields.Narrative);
        Assert.Equal([Behaviour.Following, Behaviour.TurningUpAtHome], fields.Behaviours);
        Assert.Equal([Channel.InPerson], fields.Channels);
        Assert.Equal(Relationship.ExPartner, fields.Relationship);
    }

    [Fact]
    public void Parse_ListsAbsent_StayNullSoAnUpdateLeavesThemAlone()
    {
        var (fields, errors) = Parse();

        Assert.Empty(errors.Errors);
        Assert.Null(fields.IncludedClassifications);
        Assert.Null(fields.Behaviours);
        Assert.Null(fields.Channels);
        Assert.Null(fields.Relationship);
        Assert.Null(fields.Narrative);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_ClassificationMissingWhenRequired_Refused(string? classification)
    {
        var (fields, errors) = Parse(classification);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("classification", error.Field);
        Assert.Equal("Error.Incident.ClassificationRequired", error.MessageKey);
        Assert.Null(fields.Classification);
    }

    [Fact]
    public void Parse_ClassificationMissingWhenOptional_Accepted()
    {
        var (fields, errors) = Parse(classification: null, classificationRequired: false);

        Assert.Empty(errors.Errors);
        Assert.Null(fields.Classification);
    }

    [Theory]
    [InlineData("Stalking")]
    [InlineData("3")]
    public void Parse_UnknownClassification_RefusedListingTheAllowedNames(string classification)
    {
        var (_, errors) = Parse(classification);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("classification", error.Field);
        Assert.Equal("Error.Incident.Classification", error.MessageKey);
        var allowed = Assert.IsType<string>(Assert.Single(error.Args));
        Assert.Equal(EnumInput.Names<Classification>(), allowed);
        Assert.Contains("StalkingS4A", allowed, StringComparison.Ordinal);
        Assert.Contains("NonCrimeOther", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncludedClassificationSameAsPrincipal_Refused()
    {
        var (_, errors) = Parse(classification: "StalkingS4A", included: ["Harassment", "stalkings4a"]);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("includedClassifications", error.Field);
        Assert.Equal("Error.Incident.IncludedSameAsPrincipal", error.MessageKey);
    }

    [Fact]
    public void Parse_UnknownIncludedClassification_NamedByIndex()
    {
        var (fields, errors) = Parse(included: ["Theft", "Shoplifting"]);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("includedClassifications[1]", error.Field);
        Assert.Equal("Error.Incident.Classification", error.MessageKey);
        Assert.Equal([Classification.Theft], fields.IncludedClassifications);
    }

    [Theory]
    [MemberData(nameof(NonCrimeClassifications))]
    public void Parse_NonCrimeRecordedAsCrime_Refused(Classification classification)
    {
        var (_, errors) = Parse(classification.ToString(), recordedAsCrime: true);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("recordedAsCrime", error.Field);
        Assert.Equal("Error.Incident.NonCrimeRecordedAsCrime", error.MessageKey);
    }

    [Theory]
    [MemberData(nameof(NonCrimeClassifications))]
    public void Parse_NonCrimeNotRecordedAsCrime_Accepted(Classification classification)
    {
        var (_, errors) = Parse(classification.ToString(), recordedAsCrime: false);

        Assert.Empty(errors.Errors);
    }

    [Theory]
    [InlineData(Classification.StalkingS2A)]
    [InlineData(Classification.Harassment)]
    [InlineData(Classification.BreachOfOrder)]
    public void Parse_CrimeRecordedAsCrime_Accepted(Classification classification)
    {
        var (_, errors) = Parse(classification.ToString(), recordedAsCrime: true);

        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void Parse_NarrativeOverLimit_Refused()
    {
        var (_, errors) = Parse(narrative: new string('a', 20_001));

        var error = Assert.Single(errors.Errors);
        Assert.Equal("narrative", error.Field);
        Assert.Equal("Error.Incident.NarrativeTooLong", error.MessageKey);
        Assert.Equal([20_000], error.Args);
    }

    [Fact]
    public void Parse_NarrativeAtLimit_Accepted()
    {
        var (fields, errors) = Parse(narrative: new string('a', 20_000));

        Assert.Empty(errors.Errors);
        Assert.Equal(20_000, fields.Narrative!.Length);
    }

    [Fact]
    public void Parse_BadBehaviourAndChannel_NamedByIndex()
    {
        var (_, errors) = Parse(behaviours: ["Following", "Teleporting"], channels: ["Pigeon", "Text"]);

        Assert.Equal(["behaviours[1]", "channels[0]"], errors.Errors.Select(e => e.Field));
        Assert.Equal(["Error.Incident.Behaviour", "Error.Incident.Channel"], errors.Errors.Select(e => e.MessageKey));
    }

    [Fact]
    public void Parse_UnknownRelationship_RefusedListingTheAllowedNames()
    {
        var (fields, errors) = Parse(relationship: "Landlord");

        var error = Assert.Single(errors.Errors);
        Assert.Equal("relationship", error.Field);
        Assert.Equal("Error.Incident.Relationship", error.MessageKey);
        Assert.Equal([EnumInput.Names<Relationship>()], error.Args);
        Assert.Null(fields.Relationship);
    }

    [Fact]
    public void ValidateTimes_StartMissing_Refused()
    {
        var error = Assert.Single(ValidateTimes(null, Latest).Errors);

        Assert.Equal("occurredFrom", error.Field);
        Assert.Equal("Error.Incident.OccurredFromRequired", error.MessageKey);
    }

    [Fact]
    public void ValidateTimes_EndBeforeStart_Refused()
    {
        var error = Assert.Single(ValidateTimes(Latest.AddHours(-1), Latest.AddHours(-2)).Errors);

        Assert.Equal("occurredTo", error.Field);
        Assert.Equal("Error.Incident.EndBeforeStart", error.MessageKey);
    }

    [Fact]
    public void ValidateTimes_StartInFuture_Refused()
    {
        var error = Assert.Single(ValidateTimes(Latest.AddMinutes(1), null).Errors);

        Assert.Equal("occurredFrom", error.Field);
        Assert.Equal("Error.Incident.OccurredFromFuture", error.MessageKey);
    }

    [Fact]
    public void ValidateTimes_EndInFuture_Refused()
    {
        var error = Assert.Single(ValidateTimes(Latest.AddHours(-1), Latest.AddMinutes(1)).Errors);

        Assert.Equal("occurredTo", error.Field);
        Assert.Equal("Error.Incident.OccurredToFuture", error.MessageKey);
    }

    [Fact]
    public void ValidateTimes_SameInstantInAnotherOffset_NotInFuture()
    {
        var sameInstant = Latest.ToOffset(TimeSpan.FromHours(1));

        Assert.Empty(ValidateTimes(sameInstant, sameInstant).Errors);
    }

    [Theory]
    [InlineData(-2, -1)]
    [InlineData(-1, -1)]
    [InlineData(0, 0)]
    public void ValidateTimes_PastRangeOrInstant_Accepted(int fromHours, int toHours)
    {
        Assert.Empty(ValidateTimes(Latest.AddHours(fromHours), Latest.AddHours(toHours)).Errors);
    }

    [Fact]
    public void ValidateTimes_NoEnd_Accepted()
    {
        Assert.Empty(ValidateTimes(Latest.AddDays(-3), null).Errors);
    }
}
