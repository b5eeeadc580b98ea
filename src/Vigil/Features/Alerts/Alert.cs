using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;

namespace Vigil.Features.Alerts;

/// <summary>
/// A question Vigil asks a named owner because a rule saw something the reviews say was missed. Alerts are never
/// deleted: acknowledging and resolving are recorded with who and why, and new evidence for an open alert updates
/// it (with a history entry) rather than raising a second one.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public required string RuleId { get; set; }
    public AlertSeverity Severity { get; set; }
    public AlertState State { get; set; } = AlertState.Open;

    /// <summary>The force whose people must answer it.</summary>
    public long ForceId { get; set; }
    public Force? Force { get; set; }

    /// <summary>
    /// What the alert is about, stable across re-evaluation (for example the resolved victim and suspect), so the
    /// same rule finding the same thing again updates this alert.
    /// </summary>
    public required string SubjectKey { get; set; }

    /// <summary>Resource key of the explanation; its arguments are kept so it reads in English or Welsh.</summary>
    public required string MessageKey { get; set; }
    public List<string> MessageArguments { get; set; } = [];

    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The role expected to answer (for example "Supervisor"), and the team or officer when known.</summary>
    public required string OwnerRole { get; set; }
    public long? OwnerTeamId { get; set; }
    public string? OwnerOfficer { get; set; }

    public string? AcknowledgedByUserId { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? ResolvedByUserId { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionRationale { get; set; }

    public List<AlertEvidence> Evidence { get; set; } = [];
    public List<AlertHistoryEntry> History { get; set; } = [];

    public static string Reference(long id) => $"ALT{id:D6}";
}

public enum AlertSeverity
{
    Info,
    Warning,
    High,
    Critical,
}

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>A record an alert rests on.</summary>
public sealed class AlertEvidence
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertEvidenceKind Kind { get; set; }
    public long EntityId { get; set; }
}

public enum AlertEvidenceKind
{
    Incident,
    PersonRecord,
    Person,
    Case,
    Order,
    Breach,
    RiskAssessment,
}

/// <summary>What happened to an alert and when: raised, updated with new evidence, acknowledged, resolved.</summary>
public sealed class AlertHistoryEntry
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public DateTimeOffset At { get; set; }
    public AlertChange Change { get; set; }
    public AlertSeverity Severity { get; set; }
    public string? UserId { get; set; }
    public string? Note { get; set; }
}

public enum AlertChange
{
    Raised,
    Updated,
    Acknowledged,
    Resolved,
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.RuleId).HasMaxLength(64);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SubjectKey).HasMaxLength(200);
        builder.Property(a => a.MessageKey).HasMaxLength(120);
        builder.Property(a => a.OwnerRole).HasMaxLength(64);
        builder.Property(a => a.OwnerOfficer).HasMaxLength(200);
        builder.Property(a => a.ResolutionRationale).HasMaxLength(2000);
        builder.HasIndex(a => new { a.RuleId, a.SubjectKey, a.ForceId, a.State });
        builder.HasIndex(a => new { a.ForceId, a.State, a.Severity });
        builder.HasOne(a => a.Force).WithMany().HasForeignKey(a => a.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertEvidenceConfiguration : IEntityTypeConfiguration<AlertEvidence>
{
    public void Configure(EntityTypeBuilder<AlertEvidence> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.Kind, e.EntityId });
    }
}

internal sealed class AlertHistoryEntryConfiguration : IEntityTypeConfiguration<AlertHistoryEntry>
{
    public void Configure(EntityTypeBuilder<AlertHistoryEntry> builder)
    {
        builder.ToTable("AlertHistory");
        builder.Property(h => h.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Severity).HasConversion<string>().HasMaxLength(12);
        builder.Property(h => h.Note).HasMaxLength(2000);
    }
}
