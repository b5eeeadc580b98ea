using System.Text.RegularExpressions;

namespace Vigil.Features.VictimCare;

/// <summary>
/// What is wrong with a piece of advice: each is the advice the reviews and the sector say never to give a stalking
/// victim (domain reference §9), with its reason in the resources as <c>AdviceCheck.Reason.&lt;kind&gt;</c>.
/// </summary>
public enum AdviceConcernKind
{
    /// <summary>Block or unfriend the stalker, or close a channel: the evidence is lost and he may come in person.</summary>
    Block,

    /// <summary>Change her number: evidence lost, and it tends to escalate the behaviour.</summary>
    ChangeNumber,

    /// <summary>Come off, leave or close social media: isolates her and loses evidence.</summary>
    LeaveSocialMedia,

    /// <summary>Move home: puts the burden on the victim.</summary>
    MoveHome,

    /// <summary>Change job, route or routine, stop going somewhere: puts the burden on the victim.</summary>
    ChangeRoutine,

    /// <summary>Reply to, meet, call or reason with the stalker, or have someone "have a word".</summary>
    Engage,

    /// <summary>Delete messages or throw away letters and gifts: that is the evidence.</summary>
    DeleteEvidence,

    /// <summary>Ignore it: the conduct escalates and goes unrecorded.</summary>
    Ignore,

    /// <summary>"Why did / didn't you…": blames the victim.</summary>
    VictimBlaming,
}

/// <summary>One unsafe thing found in advice, with the words it was found in so the officer sees exactly what.</summary>
public sealed record AdviceConcern(AdviceConcernKind Kind, string Quote)
{
    /// <summary>The resource key of the reason shown to the officer and quoted in the alert.</summary>
    public string ReasonKey => $"AdviceCheck.Reason.{Kind}";
}

/// <summary>
/// Finds unsafe or victim-blaming content in free-text advice to a victim. Pure and English-only: the advice is
/// recorded in the words used, and an unsafe phrase a checker misses is worse than one it warns about wrongly, so
/// the officer is warned and may still confirm. Each sentence is split into clauses (at commas, "and", "but",
/// "then"); a negation earlier in the same clause ("do not block him", "there is no need to change your number",
/// "a second phone rather than blocking") makes what follows it safe, and "block him and don't reply" is unsafe for
/// blocking because the negation belongs to the other clause.
/// </summary>
public static partial class AdviceCheck
{
    /// <summary>Text longer than this is not checked (the handlers refuse far shorter text): the check stays cheap.</summary>
    public const int MaxLength = 20_000;

    private static readonly (AdviceConcernKind Kind, Regex Pattern)[] Triggers =
    [
        (AdviceConcernKind.Block, BlockPattern()),
        (AdviceConcernKind.ChangeNumber, ChangeNumberPattern()),
        (AdviceConcernKind.LeaveSocialMedia, LeaveSocialMediaPattern()),
        (AdviceConcernKind.MoveHome, MoveHomePattern()),
        (AdviceConcernKind.ChangeRoutine, ChangeRoutinePattern()),
        (AdviceConcernKind.Engage, EngagePattern()),
        (AdviceConcernKind.DeleteEvidence, DeleteEvidencePattern()),
        (AdviceConcernKind.Ignore, IgnorePattern()),
    ];

    /// <summary>The concerns found, in the order they appear, at most one of each kind per clause.</summary>
    public static IReadOnlyList<AdviceConcern> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return [];
        }
        var found = new List<AdviceConcern>();
        // Typographic apostrophes are as common as plain ones in text pasted from elsewhere.
        var normal = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        foreach (var sentence in SentenceSplit().Split(normal))
        {
            if (WhyPattern().Match(sentence) is { Success: true })
            {
                found.Add(new AdviceConcern(AdviceConcernKind.VictimBlaming, Tidy(sentence)));
            }
            // The split keeps its separators (the pattern captures them), so a clause knows what came before it.
            var parts = ClauseSplit().Split(sentence);
            var previousNegated = false;
            for (var i = 0; i < parts.Length; i += 2)
            {
                var clause = parts[i];
                // "Do not reply to him, meet him or ask anyone to speak to him": a list after a comma that ends in
                // "or" carries the negation before it; "Don't reply, block him" does not.
                var inherited = i > 0 && parts[i - 1] == "," && previousNegated && ListEnd().IsMatch(clause);
                // "Don't forget to block him" tells her to block him: the negation is of forgetting, not blocking.
                var plain = NotNegating().Replace(clause, " ");
                foreach (var (kind, pattern) in Triggers)
                {
                    var match = pattern.Match(plain);
                    while (match.Success && (inherited || Negated(plain[..match.Index])))
                    {
                        match = match.NextMatch();
                    }
                    if (match.Success)
                    {
                        found.Add(new AdviceConcern(kind, Tidy(clause)));
                    }
                }
                previousNegated = inherited || Negated(plain);
            }
        }
        return found;
    }

    /// <summary>Whether the advice is free of every concern.</summary>
    public static bool IsSafe(string? text) => Check(text).Count == 0;

    private static bool Negated(string before) => Negation().IsMatch(before);

    private static string Tidy(string text) => Spaces().Replace(text, " ").Trim(' ', ',', ';', ':', '-', '.');

    [GeneratedRegex(@"(?<=[.!?;:])\s+|[\r\n]+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"(,|\s-\s|\b(?:and|but|then|so|also|plus)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"\b(?:don't|do not|dont|never)\s+(?:forget|hesitate|fail)\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotNegating();

    [GeneratedRegex(@"\b(?:not|never|no|nor|neither|without|avoid|avoiding|against|refrain|rather than|instead of|stop|stopped|shouldn't|mustn't|needn't|wouldn't|don't|doesn't|didn't|won't|can't|cannot|dont|unnecessary)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(?:block(?:s|ed|ing)?|unfriend(?:s|ed|ing)?|unfollow(?:s|ed|ing)?|mute(?:s|d)?\s+(?:him|his)|muting\s+(?:him|his))\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\bchang(?:e|es|ed|ing)\s+(?:(?:your|her|his|their|the|my)\s+)?(?:(?:phone|mobile|telephone|contact)\s+)?(?:number|numbers|sim)\b|\b(?:get|getting|got|use|using)\s+(?:a\s+)?(?:new|different)\s+(?:phone\s+|mobile\s+)?(?:number|sim)\b|\bnew\s+(?:phone\s+|mobile\s+)?number\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeNumberPattern();

    [GeneratedRegex(@"\b(?:(?:come|comes|coming|came|get|gets|getting|stay|stays|staying|keep|go|going|log|logging)\s+off\s+(?:(?:your|her|his|their|all|any|the)\s+)?|(?:leave|leaves|leaving|quit|quitting|delete|deleting|deactivate|deactivating|close|closing|shut|shutting|suspend|suspending|stop using|stay away from|withdraw from|withdrawing from)\s+(?:down\s+)?(?:(?:your|her|his|their|all|any|the)\s+)?)(?:social\s+media|social\s+networks?|facebook|instagram|twitter|x\.com|tiktok|snapchat|whatsapp|linkedin|online\s+accounts?|(?:the\s+)?internet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveSocialMediaPattern();

    [GeneratedRegex(@"\b(?:mov(?:e|es|ed|ing)\s+(?:house|home|away|out|address|to\s+(?:a|another|an)\s+(?:new|different|other)?\s*(?:address|house|home|area|town|city|flat))|relocat(?:e|es|ed|ing)|find\s+(?:somewhere|a\s+place)\s+else\s+to\s+live|sell\s+(?:the|her|your)\s+house)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoveHomePattern();

    [GeneratedRegex(@"\b(?:chang(?:e|es|ed|ing)|vary|varying|alter|altering)\s+(?:(?:your|her|his|their|the)\s+)?(?:job|jobs|routine|routines|route|routes|workplace|work|gym|hours|shifts?|daily\s+pattern|habits)\b|\b(?:quit|quitting|leave|leaving|give\s+up|giving\s+up)\s+(?:(?:your|her|their|the)\s+)?(?:job|work|gym|course|college|university|class(?:es)?)\b|\bstop\s+going\s+(?:to|out)\b|\bstay\s+(?:at\s+home|indoors)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeRoutinePattern();

    [GeneratedRegex(@"\b(?:repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|answer(?:s|ed|ing)?\s+(?:him|his|the\s+(?:phone|door)\s+to\s+him)|text(?:s|ed|ing)?\s+him|messag(?:e|es|ed|ing)\s+him|call(?:s|ed|ing)?\s+him|ring(?:s|ing)?\s+him|contact(?:s|ed|ing)?\s+him|(?:talk|talking|speak|speaking)\s+(?:to|with)\s+him|reason(?:ing)?\s+with\s+him|engag(?:e|es|ed|ing)|confront(?:s|ed|ing)?|meet(?:s|ing)?\s+(?:up\s+)?(?:with\s+)?(?:him|the\s+(?:suspect|stalker|perpetrator|offender)|your\s+ex|her\s+ex)|ha(?:ve|s)\s+a\s+(?:quiet\s+)?word\s+with\s+him|have\s+a\s+word)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EngagePattern();

    [GeneratedRegex(@"\b(?:delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|clear(?:s|ed|ing)?|get\s+rid\s+of|getting\s+rid\s+of|throw(?:s|ing)?\s+(?:away|out)|bin(?:s|ned|ning)?|destroy(?:s|ed|ing)?|burn(?:s|ed|ing)?|wip(?:e|es|ed|ing))\s+(?:(?:the|his|her|your|those|these|all|any|of|every|away|out)\s+)*(?:messages?|texts?|emails?|e-mails?|voicemails?|letters?|cards?|gifts?|presents?|parcels?|flowers|posts?|comments?|photos?|pictures?|screenshots?|evidence|chats?|dms|call\s+logs?|notes?|items?|things\s+he)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteEvidencePattern();

    [GeneratedRegex(@"\bignor(?:e|es|ed|ing)\s+(?:it|him|them|his|the|this|what)\b|\b(?:let\s+it\s+go|it\s+will\s+(?:blow\s+over|stop\s+on\s+its\s+own))\b", RegexOptions.IgnoreCase)]
    private static partial Regex IgnorePattern();

    [GeneratedRegex(@"\bwhy\s+(?:(?:did|didn't|did\s+not|do|don't|do\s+not|have|haven't|hadn't|had|would|wouldn't|were|weren't|was|wasn't|are|aren't)\s+(?:you|she|they|u)|(?:you|she|they)\s+(?:did|didn't|did\s+not|hadn't|haven't|wouldn't|went|let|stayed|kept|gave|answered|replied|waited))\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"\b(?:or|nor)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
