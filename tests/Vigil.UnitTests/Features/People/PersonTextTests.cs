using Vigil.Features.People;

namespace Vigil.UnitTests.Features.People;

public class PersonTextTests
{
    [Theory]
    [InlineData("SMITH", "smith")]
    [InlineData("Siân", "sian")]
    [InlineData("SIÂN", "sian")]
    [InlineData("Sia\u0302n", "sian")]
    [InlineData("Dŵr", "dwr")]
    [InlineData("Llŷr", "llyr")]
    [InlineData("ŴYNNE", "wynne")]
    [InlineData("José Müller", "jose muller")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O\u2019Brien", "obrien")]
    [InlineData("Lloyd-Jones", "lloyd jones")]
    [InlineData("  Mary   Ann  ", "mary ann")]
    [InlineData("Mary\t\n Ann", "mary ann")]
    [InlineData("Lloyd - Jones", "lloyd jones")]
    [InlineData("Smith.", "smith")]
    [InlineData("Agent 47", "agent 47")]
    public void Fold_Name_LowerCaseWithoutAccentsOrPunctuation(string text, string expected)
    {
        Assert.Equal(expected, PersonText.Fold(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    [InlineData("'")]
    public void Fold_NothingToKeep_ReturnsEmpty(string? text)
    {
        Assert.Equal("", PersonText.Fold(text));
    }

    [Fact]
    public void Fold_AccentedAndPlainForms_Agree()
    {
        Assert.Equal(PersonText.Fold("Siân Lloyd-Jones"), PersonText.Fold("SIAN LLOYD JONES"));
    }

    [Fact]
    public void SearchName_NameAndAliases_PipeDelimitedFoldedNames()
    {
        var result = PersonText.SearchName("Siân", "Lloyd-Jones", ["Sian Jones", "O'Brien"]);

        Assert.Equal("|sian lloyd jones|sian jones|obrien|", result);
    }

    [Fact]
    public void SearchName_BlankAliases_Skipped()
    {
        var result = PersonText.SearchName("Siân", "Lloyd-Jones", ["", "  ", "-"]);

        Assert.Equal("|sian lloyd jones|", result);
    }

    [Fact]
    public void SearchName_FamilyNameOnly_NoLeadingSpace()
    {
        Assert.Equal("|smith|", PersonText.SearchName("", "Smith", []));
    }

    [Theory]
    [InlineData("+44 7700 900123")]
    [InlineData("0044 7700 900123")]
    [InlineData("07700 900123")]
    [InlineData("(07700) 900-123")]
    [InlineData("07700900123")]
    [InlineData("  +447700900123")]
    public void NormalisePhone_UkNumberInAnyFormat_NationalDigits(string number)
    {
        Assert.Equal("07700900123", PersonText.NormalisePhone(number));
    }

    [Fact]
    public void NormalisePhone_InternationalFormWithTrunkZero_NationalDigits()
    {
        // "+44 (0)7700 900123" is how UK numbers are commonly printed: the (0) is the trunk prefix, dialled only nationally.
        Assert.Equal("07700900123", PersonText.NormalisePhone("+44 (0)7700 900123"));
    }

    [Theory]
    [InlineData("+1 555 0100", "+15550100")]
    [InlineData("+353 1 234 5678", "+35312345678")]
    public void NormalisePhone_NonUkInternational_KeepsPlusPrefix(string number, string expected)
    {
        Assert.Equal(expected, PersonText.NormalisePhone(number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NormalisePhone_Blank_ReturnsEmpty(string? number)
    {
        Assert.Equal("", PersonText.NormalisePhone(number));
    }

    [Theory]
    [InlineData("sa311ab", "SA31 1AB")]
    [InlineData("SA31 1AB", "SA31 1AB")]
    [InlineData("  sa31   1ab ", "SA31 1AB")]
    [InlineData("cf10-1aa", "CF10 1AA")]
    [InlineData("m11ae", "M1 1AE")]
    [InlineData("ec1a1bb", "EC1A 1BB")]
    [InlineData("ab", "AB")]
    public void NormalisePostcode_AnySpacingOrCase_UpperCaseWithOneSpaceBeforeInwardCode(string postcode, string expected)
    {
        Assert.Equal(expected, PersonText.NormalisePostcode(postcode));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NormalisePostcode_Blank_ReturnsEmpty(string? postcode)
    {
        Assert.Equal("", PersonText.NormalisePostcode(postcode));
    }
}
