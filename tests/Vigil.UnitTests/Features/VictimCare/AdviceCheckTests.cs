using System.Xml.Linq;
using Vigil.Features.VictimCare;
using Vigil.UnitTests.Repository;

namespace Vigil.UnitTests.Features.VictimCare;

public sealed class AdviceCheckTests
{
    [Theory]
    [InlineData("Advised her to block his number and come off Facebook for a while.", AdviceConcernKind.Block)]
    [InlineData("Advised her to block his number and come off Facebook for a while.", AdviceConcernKind.LeaveSocialMedia)]
    [InlineData("Block him on everything.", AdviceConcernKind.Block)]
    [InlineData("She should unfriend him on Instagram", AdviceConcernKind.Block)]
    [InlineData("Told her blocking him would stop the messages", AdviceConcernKind.Block)]
    [InlineData("Block him and don't reply.", AdviceConcernKind.Block)]
    [InlineData("Don't reply, block him.", AdviceConcernKind.Block)]
    [InlineData("Don't forget to block him tonight", AdviceConcernKind.Block)]
    [InlineData("If he texts again, block the number", AdviceConcernKind.Block)]
    [InlineData("Suggested she changes her number.", AdviceConcernKind.ChangeNumber)]
    [InlineData("Best to change your phone number", AdviceConcernKind.ChangeNumber)]
    [InlineData("Get a new number so he can't reach you", AdviceConcernKind.ChangeNumber)]
    [InlineData("Leave social media until this is over", AdviceConcernKind.LeaveSocialMedia)]
    [InlineData("Delete your Facebook account", AdviceConcernKind.LeaveSocialMedia)]
    [InlineData("Stay off Instagram for now", AdviceConcernKind.LeaveSocialMedia)]
    [InlineData("Think about deactivating her Twitter", AdviceConcernKind.LeaveSocialMedia)]
    [InlineData("Consider moving house.", AdviceConcernKind.MoveHome)]
    [InlineData("She may want to relocate to her mother's", AdviceConcernKind.MoveHome)]
    [InlineData("Move to a different area", AdviceConcernKind.MoveHome)]
    [InlineData("Change your routine and your route to work", AdviceConcernKind.ChangeRoutine)]
    [InlineData("Maybe she should change jobs", AdviceConcernKind.ChangeRoutine)]
    [InlineData("Stop going to the gym for a while", AdviceConcernKind.ChangeRoutine)]
    [InlineData("Advised to quit her job", AdviceConcernKind.ChangeRoutine)]
    [InlineData("Reply once and tell him to stop", AdviceConcernKind.Engage)]
    [InlineData("Meet him somewhere public to sort it out", AdviceConcernKind.Engage)]
    [InlineData("Get her brother to have a word with him", AdviceConcernKind.Engage)]
    [InlineData("Try talking to him calmly", AdviceConcernKind.Engage)]
    [InlineData("Delete the messages so they don't upset you", AdviceConcernKind.DeleteEvidence)]
    [InlineData("Throw away the letters and flowers", AdviceConcernKind.DeleteEvidence)]
    [InlineData("Get rid of all his gifts", AdviceConcernKind.DeleteEvidence)]
    [InlineData("Just ignore it and it will stop", AdviceConcernKind.Ignore)]
    [InlineData("Best to ignore him", AdviceConcernKind.Ignore)]
    [InlineData("Why didn't you report this sooner?", AdviceConcernKind.VictimBlaming)]
    [InlineData("Why did you reply to him?", AdviceConcernKind.VictimBlaming)]
    [InlineData("Asked her why she didn't call us at the time", AdviceConcernKind.VictimBlaming)]
    [InlineData("Why were you still in contact with him", AdviceConcernKind.VictimBlaming)]
    [InlineData("BLOCK HIM", AdviceConcernKind.Block)]
    [InlineData("Change your number\u2014it\u2019s easier", AdviceConcernKind.ChangeNumber)]
    public void Unsafe_Found(string text, AdviceConcernKind kind)
    {
        var concerns = AdviceCheck.Check(text);

        Assert.Contains(concerns, c => c.Kind == kind);
        Assert.False(AdviceCheck.IsSafe(text));
    }

    [Theory]
    [InlineData("Do not block him.")]
    [InlineData("Don't block him; keep everything he sends.")]
    [InlineData("Don\u2019t block him.")]
    [InlineData("Told her not to block him, to keep a diary.")]
    [InlineData("Keep the number and use a second phone rather than blocking him.")]
    [InlineData("Use a second phone instead of blocking his number.")]
    [InlineData("Advised against blocking or unfriending him.")]
    [InlineData("Don't delete the messages.")]
    [InlineData("Never delete anything he sends: screenshot it.")]
    [InlineData("There is no need to change your number.")]
    [InlineData("You do not need to change your number or come off social media.")]
    [InlineData("You should not have to move house or change your routine.")]
    [InlineData("Do not reply to him or meet him.")]
    [InlineData("Do not reply to him, meet him or ask anyone to speak to him for you.")]
    [InlineData("Avoid replying to his messages")]
    [InlineData("Don't engage with him in any way.")]
    [InlineData("Never ignore it - report every incident.")]
    [InlineData("She doesn't have to leave Facebook")]
    [InlineData("Keep a diary of every incident with the date, time and how it made you feel.")]
    [InlineData("Keep all letters, gifts and parcels, handled as little as possible.")]
    [InlineData("Call the National Stalking Helpline on 0808 802 0300.")]
    [InlineData("A security review of her home and her passwords has been booked.")]
    [InlineData("Explained why she should keep a diary.")]
    [InlineData("Tell your employer and neighbours, and call 999 in an emergency.")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Safe_NothingFound(string? text)
    {
        Assert.Empty(AdviceCheck.Check(text));
        Assert.True(AdviceCheck.IsSafe(text));
    }

    [Fact]
    public void NegationBelongsToItsOwnClause_BlockingUnsafe_ReplyingSafe()
    {
        var concerns = AdviceCheck.Check("Block him and don't reply.");

        var concern = Assert.Single(concerns);
        Assert.Equal(AdviceConcernKind.Block, concern.Kind);
        Assert.Equal("Block him", concern.Quote);
    }

    [Fact]
    public void SeveralConcerns_EachWithTheWordsItWasFoundIn()
    {
        var concerns = AdviceCheck.Check("Advised her to block his number and come off Facebook for a while.");

        Assert.Equal(
            [(AdviceConcernKind.Block, "Advised her to block his number"), (AdviceConcernKind.LeaveSocialMedia, "come off Facebook for a while")],
            concerns.Select(c => (c.Kind, c.Quote)));
        Assert.All(concerns, c => Assert.StartsWith("AdviceCheck.Reason.", c.ReasonKey, StringComparison.Ordinal));
    }

    [Fact]
    public void SafeAndUnsafeSentences_OnlyTheUnsafeOneReported()
    {
        var concerns = AdviceCheck.Check("Told her not to block him and to keep a diary.\nShe should change her number though.");

        Assert.Equal(AdviceConcernKind.ChangeNumber, Assert.Single(concerns).Kind);
    }

    [Fact]
    public void LibraryAdvice_InEnglish_IsSafe()
    {
        // The library is what officers are told is safe to say: the checker must never warn about it.
        var english = XDocument.Load(RepositoryFiles.PathTo("src", "Vigil", "Resources", "SharedResource.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        foreach (var item in AdviceLibrary.Items)
        {
            var text = english[AdviceLibrary.TextKey(item)];
            Assert.True(AdviceCheck.IsSafe(text), $"{item}: {string.Join("; ", AdviceCheck.Check(text).Select(c => c.Kind + " in " + c.Quote))}");
            Assert.True(english.ContainsKey(AdviceLibrary.TitleKey(item)), item.ToString());
        }
    }

    [Fact]
    public void VeryLongText_NotChecked_NoTimeSpent()
    {
        Assert.Empty(AdviceCheck.Check(string.Concat(Enumerable.Repeat("block him ", 10_000))));
    }
}
