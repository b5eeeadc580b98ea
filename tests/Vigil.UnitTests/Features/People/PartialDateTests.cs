using Vigil.Features.People;

namespace Vigil.UnitTests.Features.People;

public class PartialDateTests
{
    [Theory]
    [InlineData("1991", 1991, null, null)]
    [InlineData("1991-11", 1991, 11, null)]
    [InlineData("1991-11-03", 1991, 11, 3)]
    [InlineData("  1991-11-03 ", 1991, 11, 3)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    [InlineData("1850", 1850, null, null)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParse_WellFormedDate_ReturnsItsParts(string text, int year, int? month, int? day)
    {
        var parsed = PartialDate.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(new PartialDate(year, month, day), value);
    }

    [Theory]
    [InlineData("1991-02-30")]
    [InlineData("1991-13")]
    [InlineData("1991-00")]
    [InlineData("1991-11-00")]
    [InlineData("1991-11-31")]
    [InlineData("91-11-03")]
    [InlineData("01991-11-03")]
    [InlineData("1991-11-3x")]
    [InlineData("1991-011")]
    [InlineData("1991-11-003")]
    [InlineData("1991--03")]
    [InlineData("1991-")]
    [InlineData("-1991")]
    [InlineData("1991-11-03-01")]
    [InlineData("1991/11/03")]
    [InlineData("03-11-1991")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("abcd")]
    [InlineData("1849")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("\uFF11\uFF19\uFF19\uFF11")]
    public void TryParse_MalformedOrImpossibleDate_ReturnsFalse(string? text)
    {
        var parsed = PartialDate.TryParse(text, out var value);

        Assert.False(parsed);
        Assert.Equal(default, value);
    }

    [Fact]
    public void TryParse_LeapDayInLeapYear_Accepted()
    {
        Assert.True(PartialDate.TryParse("2024-02-29", out var value));
        Assert.Equal(new DateOnly(2024, 2, 29), value.EarliestPossible);
    }

    [Fact]
    public void TryParse_LeapDayInCommonYear_Refused()
    {
        Assert.False(PartialDate.TryParse("2023-02-29", out _));
    }

    [Theory]
    [InlineData(1991, null, null)]
    [InlineData(1991, 11, null)]
    [InlineData(1991, 11, 3)]
    [InlineData(1850, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void TryCreate_ValidParts_ReturnsValue(int year, int? month, int? day)
    {
        Assert.True(PartialDate.TryCreate(year, month, day, out var value));
        Assert.Equal(year, value.Year);
        Assert.Equal(month, value.Month);
        Assert.Equal(day, value.Day);
    }

    [Theory]
    [InlineData(1991, null, 3)]
    [InlineData(1849, null, null)]
    [InlineData(10000, null, null)]
    [InlineData(0, null, null)]
    [InlineData(1991, 0, null)]
    [InlineData(1991, 13, null)]
    [InlineData(1991, -1, null)]
    [InlineData(1991, 13, 1)]
    [InlineData(1991, 4, 31)]
    [InlineData(1991, 11, 0)]
    [InlineData(1991, 11, -3)]
    [InlineData(2023, 2, 29)]
    public void TryCreate_InvalidParts_ReturnsFalse(int year, int? month, int? day)
    {
        Assert.False(PartialDate.TryCreate(year, month, day, out var value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void TryCreate_DayWithoutMonth_Refused()
    {
        Assert.False(PartialDate.TryCreate(1991, null, 3, out _));
    }

    [Theory]
    [InlineData("1991")]
    [InlineData("1991-11")]
    [InlineData("1991-11-03")]
    [InlineData("2024-02-29")]
    [InlineData("1850-01-01")]
    public void ToString_ParsedText_RoundTrips(string text)
    {
        Assert.True(PartialDate.TryParse(text, out var value));

        var written = value.ToString();

        Assert.Equal(text, written);
        Assert.True(PartialDate.TryParse(written, out var again));
        Assert.Equal(value, again);
    }

    [Theory]
    [InlineData(1991, null, null, "1991")]
    [InlineData(1991, 1, null, "1991-01")]
    [InlineData(1991, 1, 5, "1991-01-05")]
    public void ToString_SingleDigitParts_PadsToIsoForm(int year, int? month, int? day, string expected)
    {
        Assert.Equal(expected, new PartialDate(year, month, day).ToString());
    }

    [Fact]
    public void ToString_UnpaddedInput_WritesPaddedForm()
    {
        Assert.True(PartialDate.TryParse("1991-1-5", out var value));

        Assert.Equal("1991-01-05", value.ToString());
    }

    [Theory]
    [InlineData("1991", 1991, 1, 1)]
    [InlineData("1991-11", 1991, 11, 1)]
    [InlineData("1991-11-03", 1991, 11, 3)]
    public void EarliestPossible_PartialDate_FillsMissingPartsWithFirst(string text, int year, int month, int day)
    {
        Assert.True(PartialDate.TryParse(text, out var value));

        Assert.Equal(new DateOnly(year, month, day), value.EarliestPossible);
    }
}
