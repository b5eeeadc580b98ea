using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.People;

/// <summary>
/// A person's decision that two records are, or are not, one human: from the review queue, or directly to merge
/// two identities or split a record out of one. Decisions re-resolve everyone at once, are refused if they
/// would contradict another standing decision, and can be revoked, which undoes the merge or split.
/// </summary>
public sealed class DecideMatchHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, PersonResolution resolution)
{
    public async Task<Outcome<MatchDecisionView>> DecideAsync(MatchDecisionInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (input.RecordA is null)
        {
            errors.Add("recordA", "Error.Match.RecordRequired");
        }
        if (input.RecordB is null)
        {
            errors.Add("recordB", "Error.Match.RecordRequired");
        }
        else if (input.RecordB == input.RecordA)
        {
            errors.Add("recordB", "Error.Match.SameRecord");
        }
        if (input.SamePerson is null)
        {
            errors.Add("samePerson", "Error.Match.SamePersonRequired");
        }
        var rationale = ValidateRationale(input.Rationale, "rationale", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return await DecideAsync(input.RecordA!.Value, input.RecordB!.Value, input.SamePerson!.Value, rationale!, possibleMatchId: null, "recordA", cancellationToken);
    }

    public async Task<Outcome<MatchDecisionView>> ReviewAsync(long possibleMatchId, ReviewDecisionInput input, CancellationToken cancellationToken)
    {
        var match = await db.PossibleMatches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == possibleMatchId, cancellationToken);
        if (match is null)
        {
            return new NotFound();
        }
        var errors = new ValidationErrors();
        if (input.SamePerson is null)
        {
            errors.Add("samePerson", "Error.Match.SamePersonRequired");
        }
        var rationale = ValidateRationale(input.Rationale, "rationale", errors);
        if (match.Status != PossibleMatchStatus.Open)
        {
            errors.Add("samePerson", "Error.Match.NotOpen", match.Status.ToString());
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return await DecideAsync(match.RecordAId, match.RecordBId, input.SamePerson!.Value, rationale!, match.Id, "samePerson", cancellationToken);
    }

    public async Task<Outcome<MatchDecisionView>> RevokeAsync(long decisionId, RevokeDecisionInput input, CancellationToken cancellationToken)
    {
        var decision = await db.MatchDecisions.FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return new NotFound();
        }
        if (!await OwnsEitherAsync(decision.RecordAId, decision.RecordBId, cancellationToken))
        {
            return new Forbidden("Error.Match.OtherForces");
        }
        var errors = new ValidationErrors();
        var rationale = ValidateRationale(input.Rationale, "rationale", errors);
        if (!decision.Active)
        {
            errors.Add("rationale", "Error.Match.AlreadyRevoked", MatchDecision.Reference(decision.Id));
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return await db.RunAsync<MatchDecisionView>(async ct =>
        {
            var now = time.GetUtcNow();
            decision.RevokedAt = now;
            decision.RevokedByUserId = user.UserId;
            decision.RevokedByName = user.DisplayName;
            decision.RevocationRationale = rationale;
            // The question the decision answered is open again.
            var match = await db.PossibleMatches.FirstOrDefaultAsync(m => m.DecisionId == decision.Id, ct);
            if (match is not null)
            {
                match.Status = PossibleMatchStatus.Open;
                match.DecisionId = null;
                match.ClosedAt = null;
            }
            audit.Add(AuditActions.Revoke, AuditEntities.MatchDecision, decision.Id, detail: $"{Describe(decision)} revoked: {rationale}");
            await db.SaveChangesAsync(ct);
            await resolution.RebuildAsync($"{MatchDecision.Reference(decision.Id)} revoked by {user.DisplayName}", ct);
            return await CheckDecisionsHoldAsync("rationale", ct) ?? (Outcome<MatchDecisionView>)MatchViews.Decision(decision);
        }, cancellationToken);
    }

    private async Task<Outcome<MatchDecisionView>> DecideAsync(long a, long b, bool same, string rationale, long? possibleMatchId, string field, CancellationToken cancellationToken)
    {
        // Errors name the fields as the caller sent them; the pair is stored lower id first.
        var named = new[] { (a, "recordA"), (b, "recordB") };
        (a, b) = a < b ? (a, b) : (b, a);
        var records = await db.PersonRecords.AsNoTracking().Where(r => r.Id == a || r.Id == b)
            .Select(r => new { r.Id, r.ForceId, r.PersonId }).ToListAsync(cancellationToken);
        var errors = new ValidationErrors();
        foreach (var (id, name) in named)
        {
            if (records.All(r => r.Id != id))
            {
                errors.Add(name, "Error.Match.RecordNotFound", PersonRecord.Reference(id));
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (records.All(r => r.ForceId != user.ForceId))
        {
            return new Forbidden("Error.Match.OtherForces");
        }
        var standing = await db.MatchDecisions.AsNoTracking()
            .Where(d => d.RevokedAt == null && d.RecordAId == a && d.RecordBId == b).FirstOrDefaultAsync(cancellationToken);
        if (standing is not null)
        {
            errors.Add(field, standing.SamePerson == same ? "Error.Match.AlreadyDecided" : "Error.Match.OppositeDecision", MatchDecision.Reference(standing.Id));
        }
        else if (same && records[0].PersonId is not null && records[0].PersonId == records[1].PersonId)
        {
            errors.Add(field, "Error.Match.AlreadySame", Person.Reference(records[0].PersonId!.Value));
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        return await db.RunAsync<MatchDecisionView>(async ct =>
        {
            var now = time.GetUtcNow();
            var decision = new MatchDecision
            {
                RecordAId = a,
                RecordBId = b,
                SamePerson = same,
                Rationale = rationale,
                DecidedByUserId = user.UserId ?? "",
                DecidedByName = user.DisplayName,
                DecidedAt = now,
            };
            db.MatchDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            // A direct decision also answers any open review of the same pair.
            var match = possibleMatchId is long mid
                ? await db.PossibleMatches.FirstAsync(m => m.Id == mid, ct)
                : await db.PossibleMatches.FirstOrDefaultAsync(m => m.RecordAId == a && m.RecordBId == b && m.Status == PossibleMatchStatus.Open, ct);
            if (match is not null)
            {
                match.Status = same ? PossibleMatchStatus.Same : PossibleMatchStatus.Different;
                match.DecisionId = decision.Id;
                match.ClosedAt = now;
            }
            audit.Add(AuditActions.Decide, AuditEntities.MatchDecision, decision.Id, detail: $"{Describe(decision)}: {rationale}");
            await db.SaveChangesAsync(ct);
            await resolution.RebuildAsync($"{MatchDecision.Reference(decision.Id)} by {user.DisplayName}: {(same ? "same person" : "different people")}", ct);
            return await CheckDecisionsHoldAsync(field, ct) ?? (Outcome<MatchDecisionView>)MatchViews.Decision(decision);
        }, cancellationToken);
    }

    /// <summary>
    /// After re-resolving, every standing decision must hold. "Same person" always does; "different people"
    /// cannot when a chain of "same person" decisions joins the two records, and then the new decision is
    /// refused (the unit of work rolls back) naming the decision that would be broken.
    /// </summary>
    private async Task<Failure?> CheckDecisionsHoldAsync(string field, CancellationToken cancellationToken)
    {
        var broken = await (
            from d in db.MatchDecisions.AsNoTracking()
            join ra in db.PersonRecords on d.RecordAId equals ra.Id
            join rb in db.PersonRecords on d.RecordBId equals rb.Id
            where d.RevokedAt == null && (d.SamePerson ? ra.PersonId != rb.PersonId : ra.PersonId == rb.PersonId)
            select d.Id).FirstOrDefaultAsync(cancellationToken);
        return broken == 0 ? null : new Invalid([new FieldError(field, "Error.Match.Contradicts", MatchDecision.Reference(broken))]);
    }

    private async Task<bool> OwnsEitherAsync(long a, long b, CancellationToken cancellationToken) =>
        await db.PersonRecords.AnyAsync(r => (r.Id == a || r.Id == b) && r.ForceId == user.ForceId, cancellationToken);

    private static string? ValidateRationale(string? text, string field, ValidationErrors errors)
    {
        var rationale = text?.Trim();
        if (string.IsNullOrEmpty(rationale))
        {
            errors.Add(field, "Error.Match.RationaleRequired");
            return null;
        }
        if (rationale.Length > MatchLimits.Rationale)
        {
            errors.Add(field, "Error.Match.RationaleTooLong", MatchLimits.Rationale);
        }
        return rationale;
    }

    private static string Describe(MatchDecision d) =>
        $"{PersonRecord.Reference(d.RecordAId)} and {PersonRecord.Reference(d.RecordBId)} {(d.SamePerson ? "are the same person" : "are different people")}";
}
