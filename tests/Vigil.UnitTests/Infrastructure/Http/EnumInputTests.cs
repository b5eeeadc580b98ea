using Vigil.Features.Incidents;
using Vigil.Infrastructure.Http;

namespace Vigil.UnitTests.Infrastructure.Http;

public class EnumInputTests
{
    [Theory]
    [InlineData("Harassment", Classification.Harassment)]
    [InlineData("harassment", Classification.Harassment)]
    [InlineData("HARASSMENT", Classification.Harassment)]
    [InlineData("  stalkings4a ", Classification.StalkingS4A)]
    [InlineData("NonCrimeOther", Classification.NonCrimeOther)]
    public void TryParse_DefinedNameInAnyCase_ReturnsValue(string text, Classification expected)
    {
        Assert.True(EnumInput.TryParse<Classification>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData(" 3 ")]
    [InlineData("999")]
    [InlineData("NotAClassification")]
    [InlineData("Harass")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_NumberUndefinedOrEmpty_ReturnsFalse(string? text)
    {
        Assert.False(EnumInput.TryParse<Classification>(text, out _));
    }

    [Theory]
    [InlineData("StalkingS4A, Harassment")]
    [InlineData("StalkingS4A,Harassment")]
    public void TryParse_CommaSeparatedNames_ReturnsFalse(string text)
    {
        // Enum.TryParse combines comma-separated names bitwise: "StalkingS4A, Harassment" is 1 | 2, which is
        // HarassmentFearOfViolence. One field takes one name.
        Assert.False(EnumInput.TryParse<Classification>(text, out var value), $"'{text}' was read as {value}");
    }

    [Fact]
    public void TryParse_CommaSeparatedRelationships_ReturnsFalse()
    {
        // ExPartner (0) | Partner (1) is Partner: a list must not collapse silently into one of its items.
        Assert.False(EnumInput.TryParse<Relationship>("ExPartner, Partner", out var value), $"read as {value}");
    }

    [Fact]
    public void Names_Enum_ListsEveryNameInDeclarationOrder()
    {
        Assert.Equal("InPerson, Phone, Text, SocialMedia, Email, Letter, ThirdParty, Online", EnumInput.Names<Channel>());
    }

    [Fact]
    public void ParseList_BadItems_NamedByIndex()
    {
        var errors = new ValidationErrors();

        EnumInput.ParseList<Behaviour>(["Following", "Flying", "Loitering", "3"], "behaviours", "Error.Incident.Behaviour", errors);

        Assert.Collection(
            errors.Errors,
            e =>
            {
                Assert.Equal("behaviours[1]", e.Field);
                Assert.Equal("Error.Incident.Behaviour", e.MessageKey);
                Assert.Equal([EnumInput.Names<Behaviour>()], e.Args);
            },
            e => Assert.Equal("behaviours[3]", e.Field));
    }

    [Fact]
    public void ParseList_BadItems_GoodItemsStillReturned()
    {
        var errors = new ValidationErrors();

        var result = EnumInput.ParseList<Behaviour>(["Following", "Flying", "Loitering"], "behaviours", "Error.Incident.Behaviour", errors);

        Assert.Equal([Behaviour.Following, Behaviour.Loitering], result);
    }

    [Fact]
    public void ParseList_Duplicates_RemovedKeepingFirstOrder()
    {
        var errors = new ValidationErrors();

        var result = EnumInput.ParseList<Channel>(["Text", "phone", "TEXT", "Phone", "Email"], "channels", "Error.Incident.Channel", errors);

        Assert.False(errors.Any);
        Assert.Equal([Channel.Text, Channel.Phone, Channel.Email], result);
    }

    [Fact]
    public void ParseList_Null_EmptyWithoutErrors()
    {
        var errors = new ValidationErrors();

        var result = EnumInput.ParseList<Channel>(null, "channels", "Error.Incident.Channel", errors);

        Assert.Empty(result);
        Assert.False(errors.Any);
    }
}
