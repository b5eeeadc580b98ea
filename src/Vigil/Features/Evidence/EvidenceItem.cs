using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;

namespace Vigil.Features.Evidence;

/// <summary>
/// A piece of evidence on an incident or case and where it stands: CCTV is overwritten and phone downloads take
/// months, so the date it will be lost and the date it is expected are kept with it.
/// </summary>
public sealed class EvidenceItem : CaseRecord
{
    public EvidenceKind Kind { get; set; }
    public EvidenceStatus Status { get; set; }
    public DateTimeOffset? AvailableUntil { get; set; }
    public DateTimeOffset? ExpectedBy { get; set; }

    /// <summary>What the item is ("CCTV at the Co-op, Station Road"), so two of a kind can be told apart.</summary>
    public string? Description { get; set; }

    /// <summary>When it was first asked for: a phone download's wait is measured from here.</summary>
    public DateTimeOffset? RequestedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Sent back with a status change, so two officers cannot silently overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class EvidenceLimits
{
    public const int Description = 500;
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("EvidenceItems");
        builder.MapCaseRecord();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Description).HasMaxLength(EvidenceLimits.Description);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
