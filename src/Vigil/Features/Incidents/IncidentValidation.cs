using Vigil.Infrastructure.Http;

namespace Vigil.Features.Incidents;

/// <summary>Field checks shared by recording and updating an incident.</summary>
internal static class IncidentValidation
{
    public sealed record Fields(
        Classification? Classification,
        List<Classification>? IncludedClassifications,
        bool? RecordedAsCrime,
        string? Narrative,
        List<Behaviour>? Behaviours,
        List<Channel>? Channels,
        Relationship? Relationship);

    public static Fields Parse(
        string? classificationText,
        List<string>? included,
        bool? recordedAsCrime,
        string? narrative,
        List<string>? behaviours,
        List<string>? channels,
        string? relationshipText,
        ValidationErrors errors,
        bool classificationRequired)
    {
        Classification? classification = null;
        if (string.IsNullOrWhiteSpace(classificationText))
        {
            if (classificationRequired)
            {
                errors.Add("classification", "Error.Incident.ClassificationRequired");
            }
        }
        else if (EnumInput.TryParse<Classification>(classificationText, out var parsed))
        {
            classification = parsed;
        }
        else
        {
            errors.Add("classification", "Error.Incident.Classification", EnumInput.Names<Classification>());
        }

        var includedList = included is null ? null : EnumInput.ParseList<Classification>(included, "includedClassifications", "Error.Incident.Classification", errors);
        if (classification is { } principal && includedList is not null && includedList.Contains(principal))
        {
            errors.Add("includedClassifications", "Error.Incident.IncludedSameAsPrincipal");
        }
        if (classification is { } c && recordedAsCrime == true && !c.IsCrime())
        {
            errors.Add("recordedAsCrime", "Error.Incident.NonCrimeRecordedAsCrime");
        }
        if (narrative is not null && narrative.Trim().Length > IncidentLimits.Narrative)
        {
            errors.Add("narrative", "Error.Incident.NarrativeTooLong", IncidentLimits.Narrative);
        }
        var behaviourList = behaviours is null ? null : EnumInput.ParseList<Behaviour>(behaviours, "behaviours", "Error.Incident.Behaviour", errors);
        var channelList = channels is null ? null : EnumInput.ParseList<Channel>(channels, "channels", "Error.Incident.Channel", errors);
        Relationship? relationship = null;
        if (!string.IsNullOrWhiteSpace(relationshipText))
        {
            if (EnumInput.TryParse<Relationship>(relationshipText, out var r))
            {
                relationship = r;
            }
            else
            {
                errors.Add("relationship", "Error.Incident.Relationship", EnumInput.Names<Relationship>());
            }
        }
        return new Fields(classification, includedList, recordedAsCrime, narrative?.Trim(), behaviourList, channelList, relationship);
    }

    public static void ValidateTimes(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset latest, ValidationErrors errors)
    {
        if (from is null)
        {
            errors.Add("occurredFrom", "Error.Incident.OccurredFromRequired");
            return;
        }
        if (from > latest)
        {
            errors.Add("occurredFrom", "Error.Incident.OccurredFromFuture");
        }
        if (to is not null && to < from)
        {
            errors.Add("occurredTo", "Error.Incident.EndBeforeStart");
        }
        if (to is not null && to > latest)
        {
            errors.Add("occurredTo", "Error.Incident.OccurredToFuture");
        }
    }
}
