using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Users;

namespace Vigil.Features.Cases;

/// <summary>
/// An investigation over one or more incidents for a victim–suspect pair. Handovers and offence decisions
/// are kept as rows, never overwritten: the reviews counted officers per case and asked why stalking was
/// not charged, and both answers live in that history.
/// </summary>
public sealed class Case
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long? VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public long? SuspectId { get; set; }
    public PersonRecord? Suspect { get; set; }

    public string? OfficerUserId { get; set; }
    public VigilUser? OfficerUser { get; set; }

    /// <summary>The officer in case as quoted; kept for officers with no account (imported histories).</summary>
    public string? OfficerName { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    /// <summary>Home Office outcome type, 1–22.</summary>
    public int? Outcome { get; set; }
    public DateTimeOffset? OutcomeRecordedAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public string? OpenedByUserId { get; set; }
    public Guid Version { get; set; }

    public List<CaseIncident> Incidents { get; set; } = [];
    public List<CaseAllocation> Allocations { get; set; } = [];
    public List<OffenceDecision> OffenceDecisions { get; set; } = [];

    public static string Reference(long id) => $"CASE{id:D6}";
}

public enum CaseStatus
{
    Open,
    Charged,
    Closed,
}

public sealed class CaseIncident
{
    public long CaseId { get; set; }
    public Case? Case { get; set; }
    public long IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedByUserId { get; set; }
}

/// <summary>One allocation of the case; the first row is the opening allocation, each later row a handover.</summary>
public sealed class CaseAllocation
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public string? OfficerUserId { get; set; }
    public string? OfficerName { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTimeOffset AllocatedAt { get; set; }
    public string? AllocatedByUserId { get; set; }
    public string? Reason { get; set; }
}

public sealed class OffenceDecision
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public Classification Offence { get; set; }
    public required string Rationale { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases", t => t.HasCheckConstraint("CK_Case_Outcome", "\"Outcome\" IS NULL OR (\"Outcome\" >= 1 AND \"Outcome\" <= 22)"));
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OfficerName).HasMaxLength(IncidentLimits.Officer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Force).WithMany().HasForeignKey(c => c.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Victim).WithMany().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Suspect).WithMany().HasForeignKey(c => c.SuspectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.OfficerUser).WithMany().HasForeignKey(c => c.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Incidents).WithOne(ci => ci.Case).HasForeignKey(ci => ci.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.OffenceDecisions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ForceId, c.Status });
    }
}

internal sealed class CaseIncidentConfiguration : IEntityTypeConfiguration<CaseIncident>
{
    public void Configure(EntityTypeBuilder<CaseIncident> builder)
    {
        builder.HasKey(ci => new { ci.CaseId, ci.IncidentId });
        builder.HasOne(ci => ci.Incident).WithMany().HasForeignKey(ci => ci.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(ci => ci.IncidentId);
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.Property(a => a.OfficerName).HasMaxLength(IncidentLimits.Officer);
        builder.Property(a => a.Reason).HasMaxLength(CaseLimits.Rationale);
        builder.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OffenceDecisionConfiguration : IEntityTypeConfiguration<OffenceDecision>
{
    public void Configure(EntityTypeBuilder<OffenceDecision> builder)
    {
        builder.Property(d => d.Offence).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Rationale).HasMaxLength(CaseLimits.Rationale);
        builder.Property(d => d.DecidedByName).HasMaxLength(200);
    }
}

public static class CaseLimits
{
    public const int Rationale = 4_000;
    public const int Incidents = 200;
}
