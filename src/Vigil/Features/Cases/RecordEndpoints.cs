using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Cases;

/// <summary>A use case that records one new thing and answers with its id and reference.</summary>
public interface IRecordHandler<in TRequest>
{
    Task<Outcome<RecordCreated>> HandleAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>A stored record with its id and the force that made it, as the generic read needs.</summary>
public interface IForceRecord
{
    long Id { get; }
    long ForceId { get; }
}

/// <summary>
/// The two endpoints every simple record type has — <c>POST /{path}</c> to record one (201 with its location) and
/// <c>GET /{path}/{id}</c> to read it (audited; another force's record after a recorded purpose) — mapped once,
/// so each feature states only its path, policy, wording and view.
/// </summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecord<TRequest, THandler, TEntity, TView>(
        this RouteGroupBuilder api, string path, string tag, string writePolicy, string readPolicy, string createSummary, string readSummary,
        string auditEntity, Func<AppDbContext, IQueryable<TEntity>> source, Func<TEntity, TView> view)
        where THandler : IRecordHandler<TRequest>
        where TEntity : class, IForceRecord
    {
        var group = api.MapGroup("/" + path).WithTags(tag);
        var records = new RecordSource<TRequest, THandler, TEntity, TView>(path, auditEntity, source, view);
        // Passed as Delegate values: the route-handler analyzer cannot follow handlers declared on a generic type
        // (it fails with an exception instead), while the framework binds them at run time as usual.
        Delegate create = records.CreateAsync;
        Delegate read = records.GetAsync;
        group.MapPost("/", create).RequireAuthorization(writePolicy).WithSummary(createSummary);
        group.MapGet("/{id:long}", read).RequireAuthorization(readPolicy).WithSummary(readSummary);
        return api;
    }
}

/// <summary>One record type's endpoints: where its records live, how they are audited and shown.</summary>
internal sealed class RecordSource<TRequest, THandler, TEntity, TView>(string path, string auditEntity, Func<AppDbContext, IQueryable<TEntity>> source, Func<TEntity, TView> view)
    where THandler : IRecordHandler<TRequest>
    where TEntity : class, IForceRecord
{
    public async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TRequest request, THandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/{path}/{c.Id}", localizer);

    public async Task<Results<Ok<TView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(source(db), e => e.Id == id, auditEntity, id, e => e.ForceId, view, purpose, cancellationToken), localizer);
}
