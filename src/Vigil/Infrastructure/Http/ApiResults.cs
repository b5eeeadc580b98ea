using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Vigil.Infrastructure.Http;

/// <summary>Turns handler outcomes into RFC 9457 problem responses, in the caller's language.</summary>
public static class ApiResults
{
    public const string PurposeHeader = "Vigil-Purpose";

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Ok<T>(Outcome<T> outcome, IStringLocalizer localizer) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Fail<Ok<T>>(outcome.Failure!, localizer);

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location, IStringLocalizer localizer) =>
        outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), outcome.Value!) : Fail<Created<T>>(outcome.Failure!, localizer);

    /// <summary>A failure as the error arms of an endpoint's result union.</summary>
    public static Results<TSuccess, ValidationProblem, ProblemHttpResult> Fail<TSuccess>(Failure failure, IStringLocalizer localizer)
        where TSuccess : IResult => Problem(failure, localizer).Result switch
        {
            ValidationProblem validation => validation,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unreachable"),
        };

    public static Results<ValidationProblem, ProblemHttpResult> Problem(Failure failure, IStringLocalizer localizer) => failure switch
    {
        Invalid invalid => TypedResults.ValidationProblem(
            invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey, e.Args].Value).ToArray()),
            title: localizer["Problem.Invalid"]),
        NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Problem.NotFound"]),
        Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: localizer["Problem.Forbidden"], detail: localizer[forbidden.MessageKey]),
        Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: localizer["Problem.Conflict"], detail: localizer[conflict.MessageKey]),
        PurposeRequired purpose => TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: localizer["Problem.PurposeRequired"],
            detail: localizer["Problem.PurposeRequired.Detail", purpose.ForceCode, PurposeHeader],
            extensions: new Dictionary<string, object?> { ["purposeRequired"] = true, ["purposeHeader"] = PurposeHeader }),
        _ => throw new InvalidOperationException($"Unmapped failure {failure.GetType().Name}"),
    };
}
