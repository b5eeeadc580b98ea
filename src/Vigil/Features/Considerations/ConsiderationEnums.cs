namespace Vigil.Features.Considerations;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

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
