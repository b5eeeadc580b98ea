namespace Vigil.Features.Referrals;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

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
