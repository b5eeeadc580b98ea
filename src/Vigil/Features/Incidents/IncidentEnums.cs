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

    /// <summary>Stalking offences (Protection from Harassment Act 1997 s2A and s4A).</summary>
    public static readonly IReadOnlySet<Classification> Stalking = new HashSet<Classification> { Classification.StalkingS2A, Classification.StalkingS4A };

    /// <summary>The Home Office "stalking and harassment" group, as the rule catalogue uses it.</summary>
    public static readonly IReadOnlySet<Classification> StalkingOrHarassment = new HashSet<Classification>
    {
        Classification.StalkingS2A,
        Classification.StalkingS4A,
        Classification.Harassment,
        Classification.HarassmentFearOfViolence,
        Classification.RaciallyAggravatedHarassment,
        Classification.MaliciousCommunications,
        Classification.CommunicationsAct,
        Classification.CoerciveControl,
    };
}

public static class Behaviours
{
    /// <summary>
    /// Behaviours that point to stalking: the examples in s2A(3) (following, contacting, publishing, monitoring
    /// communications, loitering, interfering with property, watching) and those the reviews saw again and again
    /// (third-party contact, gifts, turning up at home or work, tracking, account access).
    /// </summary>
    public static readonly IReadOnlySet<Behaviour> Stalking = new HashSet<Behaviour>
    {
        Behaviour.Following,
        Behaviour.UnwantedContact,
        Behaviour.Loitering,
        Behaviour.Watching,
        Behaviour.MonitoringOnline,
        Behaviour.InterferingWithProperty,
        Behaviour.Publishing,
        Behaviour.ThirdPartyContact,
        Behaviour.Gifts,
        Behaviour.TurningUpAtHome,
        Behaviour.TurningUpAtWork,
        Behaviour.TrackingDevice,
        Behaviour.AccountAccess,
    };
}
