using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.VictimCare;

public sealed record ContactAgreementView(CaseRecordHeader Record, long VictimId, string Frequency, string? Method, string? SafeContact);

public sealed record VictimRecordView(long Id, string Reference, long ForceId, long VictimId, DateTimeOffset RecordedAt, string By, string? Summary, IReadOnlyList<string> Informs, string? Text);

public static class VictimCareApi
{
    public static string AgreementReference(long id) => $"CAG{id:D6}";

    public static string ContactReference(long id) => $"VCT{id:D6}";

    public static string AdviceReference(long id) => $"ADV{id:D6}";

    public static RouteGroupBuilder MapVictimCareApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/contact-agreements").WithTags("Victim care");
        agreements.MapPost("/", RecordAgreementAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record how and how often a victim is kept informed, and how to contact them safely");
        agreements.MapGet("/{id:long}", GetAgreementAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A contact agreement");
        var contacts = api.MapGroup("/victim-contacts").WithTags("Victim care");
        contacts.MapPost("/", RecordContactAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a contact with a victim and what it told them");
        contacts.MapGet("/{id:long}", GetContactAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A victim contact");
        var advice = api.MapGroup("/advice").WithTags("Victim care");
        advice.MapPost("/", RecordAdviceAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record safety advice given to a victim, word for word");
        advice.MapGet("/{id:long}", GetAdviceAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Advice given to a victim");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAgreementAsync(
        RecordContactAgreementRequest request, RecordContactAgreementHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/contact-agreements/{c.Id}", localizer);

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordContactAsync(
        RecordVictimContactRequest request, RecordVictimContactHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/victim-contacts/{c.Id}", localizer);

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAdviceAsync(
        RecordAdviceRequest request, RecordAdviceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/advice/{c.Id}", localizer);

    public static async Task<Results<Ok<ContactAgreementView>, ValidationProblem, ProblemHttpResult>> GetAgreementAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.ContactAgreements, c => c.Id == id, AuditEntities.ContactAgreement, id, c => c.ForceId,
            c => new ContactAgreementView(CaseRecordHeader.Of(c, AgreementReference(c.Id)), c.VictimId, c.Frequency.ToString(), c.Method?.ToString(), c.SafeContact),
            purpose, cancellationToken), localizer);

    public static async Task<Results<Ok<VictimRecordView>, ValidationProblem, ProblemHttpResult>> GetContactAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.VictimContacts, c => c.Id == id, AuditEntities.VictimContact, id, c => c.ForceId,
            c => new VictimRecordView(c.Id, ContactReference(c.Id), c.ForceId, c.VictimId, c.RecordedAt, c.ByName, c.Summary, [.. c.Informs.Select(i => i.ToString())], null),
            purpose, cancellationToken), localizer);

    public static async Task<Results<Ok<VictimRecordView>, ValidationProblem, ProblemHttpResult>> GetAdviceAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.Advice, a => a.Id == id, AuditEntities.Advice, id, a => a.ForceId,
            a => new VictimRecordView(a.Id, AdviceReference(a.Id), a.ForceId, a.VictimId, a.RecordedAt, a.ByName, null, [], a.Text),
            purpose, cancellationToken), localizer);
}
