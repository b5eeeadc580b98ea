namespace Vigil.Features.VictimCare;

/// <summary>
/// Safety advice written once, carefully, so officers can give it without composing it under pressure (domain
/// reference §9 good practice; the reviews found victims told to block their stalker and come off social media).
/// Each item's title and text are in the resources as <c>AdviceLibrary.&lt;item&gt;.Title</c> and <c>.Text</c>, in
/// English and Welsh; the advice record keeps the words given and which items they came from.
/// </summary>
public enum AdviceItem
{
    KeepEvidence,
    KeepDiary,
    DoNotEngage,
    SecondPhone,
    SecurityReview,
    OnlineSecurity,
    TellPeople,
    ReportEverything,
    Emergency999,
    NationalHelpline,
    Advocate,
}

public static class AdviceLibrary
{
    public static IReadOnlyList<AdviceItem> Items { get; } = Enum.GetValues<AdviceItem>();

    public static string TitleKey(AdviceItem item) => $"AdviceLibrary.{item}.Title";

    public static string TextKey(AdviceItem item) => $"AdviceLibrary.{item}.Text";
}
