using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Alerts;

public sealed record RuleThresholdView(string Name, int Default, int Minimum, int Maximum, int Value, DateTimeOffset? ChangedAt, string? Reason);

public sealed record RuleView(string Id, string DefaultSeverity, IReadOnlyList<RuleThresholdView> Thresholds);

public sealed record ChangeThresholdRequest(int? Value, string? Reason);

/// <summary>
/// The rules and their thresholds as they apply in the user's force, and a force's changes to them. A change
/// is audited with the old and new value and the reason, so a force can show why it departs from the defaults.
/// </summary>
public sealed class RuleSettingsHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, IEnumerable<IRule> rules)
{
    public const int ReasonMinimum = 10;

    public async Task<Outcome<IReadOnlyList<RuleView>>> ListAsync(CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var settings = await db.RuleSettings.AsNoTracking().Where(s => s.ForceId == forceId).ToListAsync(cancellationToken);
        return rules.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new RuleView(r.Id, r.DefaultSeverity.ToString().ToLowerInvariant(),
            [.. r.Thresholds.Select(t =>
            {
                var setting = settings.FirstOrDefault(s => s.RuleId == r.Id && s.Name == t.Name);
                return new RuleThresholdView(t.Name, t.Default, t.Minimum, t.Maximum, setting?.Value ?? t.Default, setting?.ChangedAt, setting?.Reason);
            })])).ToList();
    }

    public async Task<Outcome<IReadOnlyList<RuleView>>> ChangeAsync(string ruleId, string name, ChangeThresholdRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var rule = rules.FirstOrDefault(r => r.Id == ruleId);
        var threshold = rule?.Thresholds.FirstOrDefault(t => t.Name == name);
        if (rule is null || threshold is null)
        {
            return new Infrastructure.Http.NotFound();
        }
        var errors = new ValidationErrors();
        if (request.Value is not { } value || value < threshold.Minimum || value > threshold.Maximum)
        {
            errors.Add("value", "Error.Rule.ThresholdRange", threshold.Minimum, threshold.Maximum);
        }
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length < ReasonMinimum)
        {
            errors.Add("reason", "Error.Rule.ReasonRequired", ReasonMinimum);
        }
        else if (reason.Length > 2_000)
        {
            errors.Add("reason", "Error.Rationale.TooLong", 2_000);
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var setting = await db.RuleSettings.FirstOrDefaultAsync(s => s.ForceId == forceId && s.RuleId == ruleId && s.Name == name, cancellationToken);
        var before = setting?.Value ?? threshold.Default;
        if (setting is null)
        {
            setting = new RuleSetting { ForceId = forceId, RuleId = ruleId, Name = name };
            db.RuleSettings.Add(setting);
        }
        setting.Value = request.Value!.Value;
        setting.Reason = reason;
        setting.ChangedAt = time.GetUtcNow();
        setting.ChangedByUserId = user.UserId;
        var saved = await db.RunAsync<bool>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Update, AuditEntities.RuleSetting, setting.Id,
                detail: string.Create(CultureInfo.InvariantCulture, $"{ruleId}.{name}: {before} -> {setting.Value}; {reason}"));
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return saved.Succeeded ? await ListAsync(cancellationToken) : saved.Failure!;
    }
}

public static class RuleSettingsApi
{
    public static RouteGroupBuilder MapRuleSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Alerts");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Every rule with its thresholds: the default and the value in your force");
        group.MapPut("/{ruleId}/thresholds/{name}", ChangeAsync).RequireAuthorization(Policies.ConfigureRules)
            .WithSummary("Set your force's value for one threshold of one rule, with the reason (audited)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<RuleView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        RuleSettingsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ListAsync(cancellationToken), localizer);

    public static async Task<Results<Ok<IReadOnlyList<RuleView>>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string ruleId, string name, ChangeThresholdRequest request, RuleSettingsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ChangeAsync(ruleId, name, request, cancellationToken), localizer);
}
