using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Evidence;

/// <summary><see cref="Version"/> is sent back with a status change, so two people cannot silently overwrite each other.</summary>
public sealed record EvidenceView(CaseRecordHeader Record, string Kind, string Status, DateTimeOffset? AvailableUntil, DateTimeOffset? ExpectedBy,
    string? Description, DateTimeOffset? RequestedAt, string Version);

public static class EvidenceApi
{
    public static string Reference(long id) => $"EVD{id:D6}";

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapRecord<RecordEvidenceRequest, RecordEvidenceHandler, EvidenceItem, EvidenceView>(
            "evidence", "Evidence", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a piece of evidence and its status, with the date it will be lost or is expected", "A piece of evidence",
            AuditEntities.Evidence, db => db.EvidenceItems,
            e => new EvidenceView(CaseRecordHeader.Of(e, Reference(e.Id)), e.Kind.ToString(), e.Status.ToString(), e.AvailableUntil, e.ExpectedBy,
                e.Description, e.RequestedAt, e.Version.ToString()));
        api.MapPost("/evidence/{id:long}/status", UpdateEvidenceAsync).WithTags("Evidence").RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Change a piece of evidence's status (secured, lost…) and its dates, with the version read");
        return api;
    }

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> UpdateEvidenceAsync(
        long id, UpdateEvidenceRequest request, UpdateEvidenceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, request, cancellationToken), localizer);
}
