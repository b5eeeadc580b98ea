using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.Timeline;

/// <summary>
/// One import of a timeline file into the configured database, identified by the file's SHA-256. Each event is
/// applied in its own transaction together with <see cref="EventsApplied"/> and the refs it defined, so an
/// import stopped part-way (a crash, a killed process) resumes at the first event that did not commit, and
/// running the same file again after it completed changes nothing.
/// </summary>
public sealed class TimelineImport
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int EventsApplied { get; set; }
    public List<TimelineImportRef> Refs { get; set; } = [];
}

/// <summary>A ref of an imported file and the record it became: how imported records trace back to the source.</summary>
public sealed class TimelineImportRef
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public required string Ref { get; set; }
    public TimelineRefKind Kind { get; set; }
    public long EntityId { get; set; }
}

internal sealed class TimelineImportConfiguration : IEntityTypeConfiguration<TimelineImport>
{
    public void Configure(EntityTypeBuilder<TimelineImport> builder)
    {
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.Title).HasMaxLength(TimelineLimits.Text);
        builder.HasIndex(i => i.Sha256).IsUnique();
        builder.HasMany(i => i.Refs).WithOne().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimelineImportRefConfiguration : IEntityTypeConfiguration<TimelineImportRef>
{
    public void Configure(EntityTypeBuilder<TimelineImportRef> builder)
    {
        builder.Property(r => r.Ref).HasMaxLength(TimelineLimits.Code);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.ImportId, r.Ref }).IsUnique();
    }
}
