using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Alerts;

public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAlertsAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("An inbox of alerts: yours, your team's or your force's, most severe and oldest first");
        group.MapGet("/{id:long}", GetAlertAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("An alert with its explanation, the records it rests on and its history");
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAlertAsync).RequireAuthorization(Policies.AnswerAlerts)
            .WithSummary("Acknowledge an alert: you have seen it and are dealing with it");
        group.MapPost("/{id:long}/resolve", ResolveAlertAsync).RequireAuthorization(Policies.AnswerAlerts)
            .WithSummary("Resolve an alert, with the rationale for what was done or why nothing was");
        return api;
    }

    public static async Task<Results<Ok<PageOf<AlertSummary>>, ValidationProblem, ProblemHttpResult>> ListAlertsAsync(
        [FromQuery] string? scope, [FromQuery] string? state, [FromQuery] int? page, [FromQuery] int? pageSize,
        ListAlertsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new ListAlertsRequest(scope, state, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> GetAlertAsync(
        long id, GetAlertHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, cancellationToken), localizer);

    public static async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAlertAsync(
        long id, AlertAnswerInput? request, AnswerAlertHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.AcknowledgeAsync(id, request ?? new AlertAnswerInput(null), cancellationToken), localizer);

    public static async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> ResolveAlertAsync(
        long id, AlertAnswerInput request, AnswerAlertHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ResolveAsync(id, request, cancellationToken), localizer);
}
