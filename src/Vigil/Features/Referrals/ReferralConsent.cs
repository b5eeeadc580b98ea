using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Referrals;

/// <summary>
/// When a referral may go ahead without the victim's consent. A referral made or accepted shares the victim's
/// information with another agency, so it needs consent — except to the multi-agency protection processes
/// (MARAC, MAPPA, MASIP, STAC) where the law allows sharing without consent to protect someone at serious risk,
/// and then only on the decision of a supervisor or stalking single point of contact who records why. An
/// override never opens the case to a partner agency's users: that takes consent (see ADR-014).
/// </summary>
public static class ReferralConsent
{
    /// <summary>Where information may be shared without consent to protect someone (the override's targets).</summary>
    public static readonly IReadOnlyList<ReferralTarget> OverridableTargets =
    [
        ReferralTarget.MARAC, ReferralTarget.MAPPA, ReferralTarget.MASIP, ReferralTarget.STAC,
    ];

    /// <summary>Roles that may decide to share without consent.</summary>
    public static readonly IReadOnlyList<string> OverrideRoles = [Roles.Supervisor, Roles.StalkingSpoc];

    /// <summary>Statuses that mean information has gone, or is going, to the agency.</summary>
    public static bool SharesInformation(ReferralStatus status) => status is ReferralStatus.Made or ReferralStatus.Accepted;

    /// <summary>
    /// Checks a referral's consent against its status and target. Problems with the request go to
    /// <paramref name="errors"/> (naming <c>consent</c> or <c>overrideReason</c>); a user without the power to
    /// override is refused outright. Returns whether the referral stands on an override.
    /// </summary>
    public static (bool Override, Failure? Refused) Check(
        ReferralTarget to, ReferralStatus status, bool? consent, string? overrideReason, Func<IEnumerable<string>, bool> userIsInAnyRole, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(userIsInAnyRole);
        ArgumentNullException.ThrowIfNull(errors);
        if (consent == true || !SharesInformation(status))
        {
            return (false, null);
        }
        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            errors.Add("consent", OverridableTargets.Contains(to) ? "Error.Referral.ConsentOrOverride" : "Error.Referral.ConsentRequired");
            return (false, null);
        }
        if (!OverridableTargets.Contains(to))
        {
            errors.Add("consent", "Error.Referral.OverrideNotForTarget", string.Join(", ", OverridableTargets));
            return (false, null);
        }
        if (!userIsInAnyRole(OverrideRoles))
        {
            return (false, new Forbidden("Error.Referral.OverrideRole"));
        }
        return (true, null);
    }
}
