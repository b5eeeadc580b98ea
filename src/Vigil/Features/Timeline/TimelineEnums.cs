namespace Vigil.Features.Timeline;

// Member names are the vigil-timeline/1 names exactly: the reader matches them case-insensitively and error
// messages list them as the allowed values. Enumerations the rest of Vigil already has are reused rather than
// copied, so replaying needs no translation: Classification (also a case's offence), Behaviour, Channel,
// Relationship and PartyRole from Incidents; Sex, AddressKind and SightingKind from People; CaseStatus from Cases;
// and the enumerations of Risk, Orders, Considerations, Referrals, VictimCare and Evidence.

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
