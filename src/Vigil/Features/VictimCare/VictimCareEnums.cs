namespace Vigil.Features.VictimCare;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

public enum ContactFrequency
{
    Every7Days,
    Every14Days,
    Every21Days,
    SignificantDevelopments,
}

public enum ContactMethod
{
    Phone,
    Email,
    Text,
    InPerson,
}

/// <summary>What a victim contact told the victim about: the <c>informs</c> of a victim-contact event.</summary>
public enum VictimInformed
{
    Arrest,
    Interview,
    Bail,
    BailConditionsEnded,
    Charge,
    NFA,
    OrderGranted,
    OrderEnded,
    General,
}
