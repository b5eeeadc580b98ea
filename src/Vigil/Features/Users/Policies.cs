using Microsoft.AspNetCore.Authorization;

namespace Vigil.Features.Users;

/// <summary>
/// Authorisation policies. Each police policy also requires a force: partner-agency users hold no force and so
/// are refused every police endpoint and page; they see consented referrals through <see cref="PartnerAccess"/> only.
/// </summary>
public static class Policies
{
    public const string ReadCaseData = nameof(ReadCaseData);
    public const string RecordIncidents = nameof(RecordIncidents);
    public const string ManageCases = nameof(ManageCases);
    public const string ResolvePeople = nameof(ResolvePeople);
    public const string AnswerAlerts = nameof(AnswerAlerts);
    public const string RecordSafeguarding = nameof(RecordSafeguarding);
    public const string ManageOrders = nameof(ManageOrders);
    public const string ConfigureRules = nameof(ConfigureRules);
    public const string ReviewRisk = nameof(ReviewRisk);

    /// <summary>Partner-agency users: an agency and the partner role, never a force (ADR-014).</summary>
    public const string PartnerAccess = nameof(PartnerAccess);

    public static AuthorizationBuilder AddVigilPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(ReadCaseData, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ReadCaseData));
        builder.AddPolicy(RecordIncidents, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.RecordIncidents));
        builder.AddPolicy(ManageCases, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ManageCases));
        builder.AddPolicy(ResolvePeople, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ResolvePeople));
        builder.AddPolicy(AnswerAlerts, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.AnswerAlerts));
        builder.AddPolicy(RecordSafeguarding, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.RecordSafeguarding));
        builder.AddPolicy(ManageOrders, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ManageOrders));
        builder.AddPolicy(ConfigureRules, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ConfigureRules));
        builder.AddPolicy(ReviewRisk, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.ForceId).RequireRole(Roles.ReviewRisk));
        builder.AddPolicy(PartnerAccess, p => p.RequireAuthenticatedUser().RequireClaim(VigilClaims.AgencyId).RequireRole(Roles.PartnerAdvocate));
        return builder;
    }
}

public static class VigilClaims
{
    public const string ForceId = "vigil:force_id";
    public const string ForceCode = "vigil:force_code";
    public const string AgencyId = "vigil:agency_id";
    public const string DisplayName = "vigil:display_name";
}
