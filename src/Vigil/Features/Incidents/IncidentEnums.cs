namespace Vigil.Features.Incidents;

// Names match the vigil-timeline/1 format exactly: they are stored as text and accepted by the API and replay.

/// <summary>A Home Office offence or a non-crime category.</summary>
public enum Classification
{
    StalkingS2A,
    StalkingS4A,
    Harassment,
    HarassmentFearOfViolence,
    RaciallyAggravatedHarassment,
    MaliciousCommunications,
    CommunicationsAct,
    CoerciveControl,
    ThreatsToKill,
    CommonAssault,
    AssaultOccasioningABH,
    CriminalDamage,
    Theft,
    Burglary,
    BreachOfOrder,
    BreachOfBail,
    SexualOffence,
    NeighbourDispute,
    CivilMatter,
    ConcernForWelfare,
    NonCrimeDomestic,
    NonCrimeOther,
}

public enum Behaviour
{
    Following,
    UnwantedContact,
    Loitering,
    Watching,
    MonitoringOnline,
    InterferingWithProperty,
    Publishing,
    ThirdPartyContact,
    Gifts,
    TurningUpAtHome,
    TurningUpAtWork,
    TrackingDevice,
    AccountAccess,
    ThreatsOfViolence,
    ThreatToKill,
    Violence,
    Strangulation,
    Weapon,
    SexualViolence,
    SuicideThreats,
    Damage,
    BreachOfConditions,
}

public enum Channel
{
    InPerson,
    Phone,
    Text,
    SocialMedia,
    Email,
    Letter,
    ThirdParty,
    Online,
}

public enum Relationship
{
    ExPartner,
    Partner,
    Acquaintance,
    Stranger,
    Neighbour,
    Colleague,
    Family,
    PoliceOfficer,
    Unknown,
}

public enum PartyRole
{
    Victim,
    Suspect,
    Witness,
    Reporter,
}

public static class Classifications
{
    /// <summary>Categories that are not crimes: an incident classified this way cannot be recorded as a crime.</summary>
    public static readonly IReadOnlySet<Classification> NonCrime = new HashSet<Classification>
    {
        Classification.NeighbourDispute,
        Classification.CivilMatter,
        Classification.ConcernForWelfare,
        Classification.NonCrimeDomestic,
        Classification.NonCrimeOther,
    };

    public static bool IsCrime(this Classification classification) => !NonCrime.Contains(classification);
}
