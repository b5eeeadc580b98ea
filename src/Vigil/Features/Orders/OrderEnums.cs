namespace Vigil.Features.Orders;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

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

/// <summary>Whether a positive requirement was met, as recorded by the force managing the subject.</summary>
public enum ComplianceOutcome
{
    Met,
    NotMet,
}
