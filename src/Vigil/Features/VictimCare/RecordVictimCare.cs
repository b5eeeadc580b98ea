using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.VictimCare;

public sealed record RecordContactAgreementRequest(
    long? VictimId, long? IncidentId, long? CaseId, string? Frequency, string? Method, string? SafeContact, string? By);

/// <summary>A contact with a victim; the incident or case it was about is optional (the timeline format names only the victim).</summary>
public sealed record RecordVictimContactRequest(long? VictimId, string? Summary, List<string>? Informs, string? By, long? IncidentId = null, long? CaseId = null);

/// <summary>
/// Advice given to a victim. <see cref="CaseId"/> or <see cref="IncidentId"/> (optional, at most one) says where it
/// was given from; <see cref="Library"/> names the library items (<see cref="AdviceItem"/>) the text was built from.
/// </summary>
public sealed record RecordAdviceRequest(long? VictimId, string? Text, string? By, long? CaseId = null, long? IncidentId = null, List<string>? Library = null);

/// <summary>Records how and how often a victim is to be kept informed on an incident or case.</summary>
public sealed class RecordContactAgreementHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordContactAgreementRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordContactAgreementRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        await RecordTarget.CheckPersonAsync(db, request.VictimId, "victimId", errors, cancellationToken);
        if (target is not null && !errors.Has("victimId"))
        {
            await CaseVictims.CheckAsync(db, request.VictimId!.Value, target, errors, cancellationToken);
        }
        var frequency = CaseRecordInput.Required<ContactFrequency>(request.Frequency, "frequency", errors);
        var method = CaseRecordInput.Optional<ContactMethod>(request.Method, "method", errors);
        var safeContact = CaseRecordInput.Text(request.SafeContact, VictimCareLimits.SafeContact, "safeContact", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var agreement = writer.Stamp(new ContactAgreement
        {
            VictimId = request.VictimId!.Value,
            Frequency = frequency,
            Method = method,
            SafeContact = safeContact,
        }, target!, by);
        return await writer.SaveAsync(agreement, target!, AuditEntities.ContactAgreement, VictimCareApi.AgreementReference, cancellationToken);
    }
}

/// <summary>Records a contact with a victim and what it told them.</summary>
public sealed class RecordVictimContactHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordVictimContactRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordVictimContactRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        RecordTarget? target = null;
        if (request.IncidentId is not null || request.CaseId is not null)
        {
            Failure? refused;
            (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }
        }
        await RecordTarget.CheckPersonAsync(db, request.VictimId, "victimId", errors, cancellationToken);
        if (target is not null && !errors.Has("victimId"))
        {
            await CaseVictims.CheckAsync(db, request.VictimId!.Value, target, errors, cancellationToken);
        }
        var summary = CaseRecordInput.Text(request.Summary, VictimCareLimits.Summary, "summary", errors);
        var informs = EnumInput.ParseList<VictimInformed>(request.Informs, "informs", "Error.Choice.Invalid", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (summary is null && informs.Count == 0)
        {
            errors.Add("summary", "Error.VictimContact.Empty");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var contact = new VictimContact
        {
            ForceId = forceId,
            VictimId = request.VictimId!.Value,
            IncidentId = target?.IncidentId,
            CaseId = target?.CaseId,
            Summary = summary,
            Informs = informs,
            RecordedAt = writer.Now,
            RecordedByUserId = writer.UserId,
            ByName = by,
        };
        return await writer.SaveAsync(contact, AuditEntities.VictimContact, c => c.Id, VictimCareApi.ContactReference, CaseRecordWriter.NoIncidents, cancellationToken);
    }
}

/// <summary>Records the safety advice given to a victim, word for word.</summary>
public sealed class RecordAdviceHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordAdviceRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordAdviceRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        RecordTarget? target = null;
        if (request.CaseId is not null || request.IncidentId is not null)
        {
            (target, var refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }
        }
        await RecordTarget.CheckPersonAsync(db, request.VictimId, "victimId", errors, cancellationToken);
        if (target is not null && request.VictimId is { } victimId && !errors.Has("victimId"))
        {
            // The same test as contacts and agreements: a victim of the incident or case, under any of their records.
            await CaseVictims.CheckAsync(db, victimId, target, errors, cancellationToken);
        }
        var text = CaseRecordInput.Text(request.Text, VictimCareLimits.AdviceText, "text", errors);
        var library = EnumInput.ParseList<AdviceItem>(request.Library, "library", "Error.Choice.Invalid", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (text is null)
        {
            errors.Add("text", "Error.Advice.TextRequired");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var advice = new Advice
        {
            ForceId = forceId,
            VictimId = request.VictimId!.Value,
            Text = text!,
            CaseId = target?.CaseId,
            IncidentId = target?.IncidentId,
            LibraryItems = [.. library.Distinct()],
            RecordedAt = writer.Now,
            RecordedByUserId = writer.UserId,
            ByName = by,
        };
        return await writer.SaveAsync(advice, AuditEntities.Advice, a => a.Id, VictimCareApi.AdviceReference, CaseRecordWriter.NoIncidents, cancellationToken, target?.CaseId);
    }
}
