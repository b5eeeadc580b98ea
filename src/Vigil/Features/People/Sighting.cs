using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;

namespace Vigil.Features.People;

/// <summary>
/// A report of where a person was seen, lives, stays or works. Rules compare these with protected places and
/// exclusion zones: one suspect rented a flat just outside his zone; another was rebailed one street away.
/// </summary>
public sealed class Sighting : Cases.IForceRecord
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long PersonRecordId { get; set; }
    public PersonRecord? PersonRecord { get; set; }
    public SightingKind Kind { get; set; }
    public string? LocationText { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}

internal sealed class SightingConfiguration : IEntityTypeConfiguration<Sighting>
{
    public void Configure(EntityTypeBuilder<Sighting> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LocationText).HasMaxLength(300);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.HasOne(s => s.Force).WithMany().HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.PersonRecord).WithMany().HasForeignKey(s => s.PersonRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonRecordId, s.RecordedAt });
    }
}
