namespace Vigil.Features.People;

// Member names are the vigil-timeline/1 names exactly: the timeline reader and the API accept them
// case-insensitively and error messages list them as the allowed values.

public enum SightingKind
{
    Seen,
    Residing,
    Staying,
    Working,
}
