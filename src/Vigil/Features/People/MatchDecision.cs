using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.People;

/// <summary>
/// A person's decision that two records are, or are not, the same human. Decisions are hard constraints: every
/// later resolution honours them, whatever the evidence says. Revoking one (never deleting it) undoes the merge
/// or split it caused, and both the decision and its revocation name who made them and why.
/// </summary>
public sealed class MatchDecision
{
    public long Id { get; set; }
    public long RecordAId { get; set; }
    public long RecordBId { get; set; }
    public bool SamePerson { get; set; }
    public required string Rationale { get; set; }

    public required string DecidedByUserId { get; set; }
    public required string DecidedByName { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByUserId { get; set; }
    public string? RevokedByName { get; set; }
    public string? RevocationRationale { get; set; }

    public bool Active => RevokedAt is null;

    public static string Reference(long id) => $"D{id:D6}";
}

internal sealed class MatchDecisionConfiguration : IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<MatchDecision> builder)
    {
        builder.Property(d => d.Rationale).HasMaxLength(MatchLimits.Rationale);
        builder.Property(d => d.RevocationRationale).HasMaxLength(MatchLimits.Rationale);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(256);
        builder.Property(d => d.RevokedByUserId).HasMaxLength(450);
        builder.Property(d => d.RevokedByName).HasMaxLength(256);
        builder.Ignore(d => d.Active);
        builder.HasIndex(d => d.RecordAId);
        builder.HasIndex(d => d.RecordBId);
        builder.HasOne<PersonRecord>().WithMany().HasForeignKey(d => d.RecordAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PersonRecord>().WithMany().HasForeignKey(d => d.RecordBId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class MatchLimits
{
    public const int Rationale = 2000;
}
