namespace Vigil.Features.Evidence;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

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
