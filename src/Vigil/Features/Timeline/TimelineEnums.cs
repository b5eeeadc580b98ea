namespace Vigil.Features.Timeline;

// Member names are the vigil-timeline/1 names exactly: the reader matches them case-insensitively and error
// messages list them as the allowed values. Enumerations the rest of Vigil already has are reused rather than
// copied, so replaying needs no translation: Classification (also a case's offence), Behaviour, Channel,
// Relationship and PartyRole from Incidents; Sex and AddressKind from People; CaseStatus from Cases.

public enum OrderType
{
    PreChargeBail,
    PostChargeBail,
    ReleasedUnderInvestigation,
    InterimSPO,
    SPO,
    DVPN,
    DVPO,
    DAPN,
    DAPO,
    NonMolestation,
    RestrainingOrder,
}

public enum OrderStatus
{
    Considered,
    Applied,
    Granted,
    Refused,
    Served,
    Ended,
    Discharged,
}

public enum ConditionType
{
    NoContact,
    ExclusionZone,
    NotToAttend,
    ResideAt,
    Programme,
    DeviceAccess,
    Notify,
    Other,
}

public enum BreachAction
{
    None,
    Arrest,
    CrimeRecorded,
    Warning,
    Undecided,
}

public enum SightingKind
{
    Seen,
    Residing,
    Staying,
    Working,
}

/// <summary>What was considered: the <c>what</c> of a consideration event.</summary>
public enum ConsiderationKind
{
    SPO,
    InterimSPO,
    DVPN,
    DAPN,
    HomicideRiskReview,
    PerpetratorProgramme,
    MARAC,
    AdvocacyReferral,
    Arrest,
    ClaresLaw,
    RightToKnow,
}

public enum ConsiderationDecision
{
    Progressed,
    NotProgressed,
}

/// <summary>Where a person was referred: the <c>to</c> of a referral event.</summary>
public enum ReferralTarget
{
    ISAC,
    IDVA,
    MARAC,
    MASIP,
    STAC,
    MAPPA,
    PerpetratorProgramme,
    MentalHealth,
    VictimSupport,
}

public enum ReferralStatus
{
    Offered,
    Made,
    Accepted,
    Declined,
}

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

public enum EvidenceKind
{
    Call999,
    CCTV,
    PhoneDownload,
    Messages,
    Statement,
    ImpactStatement,
    BodyWornVideo,
    SocialMedia,
}

public enum EvidenceStatus
{
    Available,
    Requested,
    Secured,
    Lost,
}

public enum RiskTool
{
    DASH,
    Stalking,
    HomicideTimeline,
}

public enum RiskGrade
{
    Standard,
    Medium,
    High,
}

/// <summary>The kind of record a timeline <c>ref</c> names, so a reference to the wrong kind can be refused.</summary>
public enum TimelineRefKind
{
    Person,
    Incident,
    Case,
    RiskAssessment,
    Order,
    Breach,
}
