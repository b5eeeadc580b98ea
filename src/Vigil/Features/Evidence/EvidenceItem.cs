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
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("EvidenceItems");
        builder.MapCaseRecord();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
    }
}
