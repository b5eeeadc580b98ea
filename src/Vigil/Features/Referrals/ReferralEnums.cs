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

/// <summary>
/// How much of a case the victim agreed an agency may see. Advocates need different things: a contact-and-safety
/// referral lets them keep the victim safe and informed; full case information adds the incidents, the suspect and
/// the offence decision so they can support the victim through the investigation and court.
/// </summary>
public enum ConsentLevel
{
    /// <summary>Victim's name and safe contact arrangements, updates given to the victim, current risk grade, protective orders.</summary>
    ContactAndSafety,

    /// <summary>Everything above, plus the suspect's name, the incidents and the offence decision.</summary>
    FullCaseInformation,
}
