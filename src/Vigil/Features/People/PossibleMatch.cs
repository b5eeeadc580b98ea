using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.People;

/// <summary>
/// Two person records that may be one human: the evidence put them in the uncertain band (probability between
/// the review and match thresholds), so a person decides. Kept after the decision as the record of who decided.
/// </summary>
public sealed class PossibleMatch
{
    public long Id { get; set; }

    /// <summary>The lower record id of the pair, so each pair is stored once.</summary>
    public long RecordAId { get; set; }
    public long RecordBId { get; set; }

    public double Weight { get; set; }
    public double Probability { get; set; }
    public DateTimeOffset FoundAt { get; set; }

    public PossibleMatchStatus Status { get; set; }
    public long? DecisionId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public static string Reference(long id) => $"M{id:D6}";
}

public enum PossibleMatchStatus
{
    /// <summary>Waiting for a person to decide.</summary>
    Open,

    /// <summary>Decided: the same person.</summary>
    Same,

    /// <summary>Decided: different people.</summary>
    Different,

    /// <summary>The two records were linked by other evidence or decisions before anyone decided.</summary>
    Superseded,
}

internal sealed class PossibleMatchConfiguration : IEntityTypeConfiguration<PossibleMatch>
{
    public void Configure(EntityTypeBuilder<PossibleMatch> builder)
    {
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(m => new { m.RecordAId, m.RecordBId }).IsUnique();
        builder.HasIndex(m => m.RecordBId);
        builder.HasIndex(m => new { m.Status, m.FoundAt });
        builder.HasOne<PersonRecord>().WithMany().HasForeignKey(m => m.RecordAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PersonRecord>().WithMany().HasForeignKey(m => m.RecordBId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MatchDecision>().WithMany().HasForeignKey(m => m.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
