namespace Vigil.Features.Cases;

/// <summary>
/// Home Office crime outcome types 1–22. The labels live in the resource files ("Outcome.N") so they can
/// be corrected against the Home Office technical annex without a code change: several wordings in our
/// reference are marked unconfirmed.
/// </summary>
public static class HomeOfficeOutcomes
{
    public const int Min = 1;
    public const int Max = 22;

    /// <summary>Outcome 1 is charge or summons: a case with it is charged, not closed.</summary>
    public const int ChargedOrSummonsed = 1;

    public static IEnumerable<int> All => Enumerable.Range(Min, Max - Min + 1);

    public static bool IsValid(int outcome) => outcome is >= Min and <= Max;
}
