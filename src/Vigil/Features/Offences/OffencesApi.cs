using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Offences;

public sealed record ImpactEvidenceView(
    CaseRecordHeader Record, long VictimId, string Kind, DateTimeOffset ObtainedAt, string Summary,
    IReadOnlyList<string> Effects, int? FearOccasions, string? OtherEffect, bool SeriousAlarmWithSubstantialEffect);

public static class OffencesApi
{
    public static RouteGroupBuilder MapOffencesApi(this RouteGroupBuilder api)
    {
        api.MapRecord<RecordImpactEvidenceRequest, RecordImpactEvidenceHandler, ImpactEvidence, ImpactEvidenceView>(
            "impact-evidence", "Offences", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record what the victim said the conduct did to them (account, diary or impact statement) on an incident or a case",
            "Impact evidence",
            AuditEntities.ImpactEvidence, db => db.ImpactEvidence, View);
        api.MapGroup("/cases").WithTags("Offences")
            .MapGet("/{id:long}/offence-guidance", GetOffenceGuidanceAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The points to prove of s4A, s2A, s4, s2, s76 and Malicious Communications, each met, partly met or missing on the case's records");
        return api;
    }

    public static ImpactEvidenceView View(ImpactEvidence e) => new(
        CaseRecordHeader.Of(e, ImpactEvidence.Reference(e.Id)), e.VictimId, e.Kind.ToString(), e.ObtainedAt, e.Summary,
        [.. e.Effects.Select(x => x.ToString())], e.FearOccasions, e.OtherEffect, e.SeriousEffect);

    public static async Task<Results<Ok<OffenceGuidanceView>, ValidationProblem, ProblemHttpResult>> GetOffenceGuidanceAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose,
        GetOffenceGuidanceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, purpose, cancellationToken), localizer);
}
