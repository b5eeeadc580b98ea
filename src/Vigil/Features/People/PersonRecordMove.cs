using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.People;

/// <summary>
/// One record moving from one identity to another, and why. This history is what lets a revoked merge give the
/// original identity back (same reference, same links) instead of inventing a new one.
/// </summary>
public sealed class PersonRecordMove
{
    public long Id { get; set; }
    public long PersonRecordId { get; set; }
    public long? FromPersonId { get; set; }
    public long ToPersonId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Reason { get; set; }
}

internal sealed class PersonRecordMoveConfiguration : IEntityTypeConfiguration<PersonRecordMove>
{
    public void Configure(EntityTypeBuilder<PersonRecordMove> builder)
    {
        builder.Property(m => m.Reason).HasMaxLength(400);
        builder.HasIndex(m => m.PersonRecordId);
        builder.HasOne<PersonRecord>().WithMany().HasForeignKey(m => m.PersonRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
