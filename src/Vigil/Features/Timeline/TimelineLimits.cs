namespace Vigil.Features.Timeline;

/// <summary>
/// Lengths a timeline's strings may not exceed, after trimming. They are generous on purpose: a timeline may be
/// a migration of legacy records, and a replay should stop on a mistake, not on a long but genuine narrative.
/// </summary>
public static class TimelineLimits
{
    /// <summary>Refs, force codes and team codes.</summary>
    public const int Code = 50;

    /// <summary>Names and short values: people's names, officers, phone numbers, postcodes.</summary>
    public const int Name = 200;

    /// <summary>Free text: narratives, rationales, descriptions, addresses.</summary>
    public const int Text = 10_000;
}
