using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>handover-continuity</c>: a case handed between officers more than twice. Victims told the reviews they had
/// to repeat their story to every new officer; a supervisor should know when it keeps happening.
/// </summary>
public sealed class HandoverContinuityRule : IRule
{
    public const string RuleId = "handover-continuity";
    public static readonly RuleThreshold MaximumHandovers = new("maximumHandovers", 2, 1, 20);

    public IReadOnlyList<RuleThreshold> Thresholds => [MaximumHandovers];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Info;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var caseId in context.Trigger.Cases)
        {
            var c = await context.Db.Cases.Where(x => x.Id == caseId)
                .Select(x => new { x.Id, x.ForceId, x.TeamId, x.OfficerName, Allocations = x.Allocations.Count })
                .FirstOrDefaultAsync(cancellationToken);
            // The first allocation is the opening one; every later row is a handover.
            var handovers = (c?.Allocations ?? 0) - 1;
            if (c is null || handovers <= await context.ThresholdAsync(this, MaximumHandovers, c.ForceId, cancellationToken))
            {
                continue;
            }
            context.Report(new RuleFinding(
                RuleId, DefaultSeverity, c.ForceId, $"case:{c.Id}",
                [(AlertEvidenceKind.Case, c.Id)],
                "Alert.HandoverContinuity",
                [Case.Reference(c.Id), handovers.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                Roles.Supervisor, c.TeamId, c.OfficerName));
        }
    }
}
