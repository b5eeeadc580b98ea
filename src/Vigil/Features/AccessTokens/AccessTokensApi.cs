using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.AccessTokens;

public static class AccessTokensApi
{
    public static RouteGroupBuilder MapAccessTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/access-tokens").WithTags("Access tokens").RequireAuthorization();
        group.MapPost("/", CreateAccessTokenAsync).WithSummary("Create a personal access token; it is shown only in this response");
        group.MapGet("/", ListAccessTokensAsync).WithSummary("Your access tokens (never the tokens themselves)");
        group.MapDelete("/{id:long}", RevokeAccessTokenAsync).WithSummary("Revoke one of your access tokens");
        return api;
    }

    public static async Task<Results<Created<AccessTokenCreated>, ValidationProblem, ProblemHttpResult>> CreateAccessTokenAsync(
        CreateAccessTokenRequest request, CreateAccessTokenHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), t => $"/api/v1/access-tokens/{t.Id}", localizer);

    public static async Task<Ok<IReadOnlyList<AccessTokenView>>> ListAccessTokensAsync(ListAccessTokensHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeAccessTokenAsync(
        long id, RevokeAccessTokenHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, cancellationToken);
        if (outcome.Succeeded)
        {
            return TypedResults.NoContent();
        }
        return ApiResults.Fail<NoContent>(outcome.Failure!, localizer);
    }
}
