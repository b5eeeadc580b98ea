using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.Audit;

/// <summary>
/// One line of the append-only audit log. Each event's <see cref="Hash"/> covers its content and the previous
/// event's hash, so deleting or editing any past event breaks every hash after it.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1-based, assigned when the event is saved.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public string? ForceCode { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Purpose { get; set; }
    public string? Detail { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public string ComputeHash()
    {
        // Length-prefixed fields: no choice of values can make two different events hash the same text.
        var sb = new StringBuilder();
        void Field(string? value)
        {
            if (value is null)
            {
                // No length prefix: a null can never be confused with any string, even "\0".
                sb.Append("-;");
                return;
            }
            sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
        Field(Sequence.ToString(CultureInfo.InvariantCulture));
        Field(At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(UserId);
        Field(UserName);
        Field(Role);
        Field(ForceCode);
        Field(Action);
        Field(EntityType);
        Field(EntityId);
        Field(Purpose);
        Field(Detail);
        Field(PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

public static class AuditActions
{
    public const string Read = "Read";
    public const string ReadWithPurpose = "ReadWithPurpose";
    public const string Search = "Search";
    public const string Create = "Create";
    public const string Update = "Update";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string Seed = "Seed";
    public const string AccessDenied = "AccessDenied";
    public const string Resolve = "Resolve";
    public const string Merge = "Merge";
    public const string Split = "Split";
    public const string Decide = "Decide";
    public const string Revoke = "Revoke";
    public const string Review = "Review";

    /// <summary>A list taken away as a file: who carried which records out of the system matters as much as who read them.</summary>
    public const string Export = "Export";
}

public static class AuditEntities
{
    public const string PersonRecord = "PersonRecord";
    public const string Person = "Person";
    public const string PossibleMatch = "PossibleMatch";
    public const string MatchDecision = "MatchDecision";
    public const string Incident = "Incident";
    public const string Case = "Case";
    public const string User = "User";
    public const string AccessToken = "AccessToken";
    public const string Database = "Database";
    public const string Alert = "Alert";
    public const string Screening = "Screening";
    public const string RiskAssessment = "RiskAssessment";
    public const string RiskReview = "RiskReview";
    public const string RiskReference = "RiskReference";
    public const string Order = "Order";
    public const string Breach = "Breach";
    public const string RequirementCompliance = "RequirementCompliance";
    public const string Sighting = "Sighting";
    public const string Consideration = "Consideration";
    public const string Referral = "Referral";
    public const string PartnerNote = "PartnerNote";
    public const string ContactAgreement = "ContactAgreement";
    public const string VictimContact = "VictimContact";
    public const string Advice = "Advice";
    public const string Evidence = "Evidence";
    public const string ImpactEvidence = "ImpactEvidence";
    public const string RuleSetting = "RuleSetting";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.EntityType, a.EntityId, a.Action });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Role).HasMaxLength(200);
        builder.Property(a => a.ForceCode).HasMaxLength(10);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.EntityType).HasMaxLength(40);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Purpose).HasMaxLength(AuditLimits.Purpose);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
    }
}

public static class AuditLimits
{
    public const int Purpose = 500;
    public const int PurposeMinimum = 10;
}
