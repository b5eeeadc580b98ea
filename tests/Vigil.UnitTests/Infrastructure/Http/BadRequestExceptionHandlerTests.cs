using Vigil.Infrastructure.Http;

namespace Vigil.UnitTests.Infrastructure.Http;

public class BadRequestExceptionHandlerTests
{
    [Theory]
    [InlineData("$.occurredFrom", "occurredFrom")]
    [InlineData("$.parties[0].role", "parties[0].role")]
    [InlineData("$.location.lat", "location.lat")]
    public void FieldFromPath_JsonPath_FieldNameWithoutRoot(string path, string expected)
    {
        Assert.Equal(expected, BadRequestExceptionHandler.FieldFromPath(path));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("")]
    [InlineData(null)]
    public void FieldFromPath_RootOrMissing_ReturnsEmpty(string? path)
    {
        Assert.Equal("", BadRequestExceptionHandler.FieldFromPath(path));
    }
}
