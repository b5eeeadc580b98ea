using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Vigil.Infrastructure.Http;

/// <summary>
/// A body that is not valid JSON, or a value of the wrong type, never reaches a handler. This names the
/// field that could not be read instead of answering with a bare 400 (or, worse, a 500).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
        string field;
        string message;
        if (json is not null)
        {
            field = FieldFromPath(json.Path);
            message = field.Length == 0 ? localizer["Problem.Json.Malformed"] : localizer["Problem.Json.WrongType", field];
        }
        else if (ParameterName().Match(bad.Message) is { Success: true } parameter)
        {
            // 'Failed to bind parameter "Nullable<int> page" from "abc".' names the query or route parameter.
            field = parameter.Groups[1].Value;
            message = localizer["Problem.Json.WrongType", field];
        }
        else
        {
            field = "request";
            message = bad.Message;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
        {
            Status = bad.StatusCode,
            Title = localizer["Problem.Invalid"],
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    /// <summary>"$.parties[0].role" becomes "parties[0].role", matching the names handlers use.</summary>
    internal static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
