namespace Vigil.Features.Risk;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

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

/// <summary>A draft is saved as the officer goes and counts for nothing until completed.</summary>
public enum RiskAssessmentStatus
{
    Draft,
    Complete,
}
