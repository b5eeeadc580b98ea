using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.Forces;
using Vigil.Features.People;

namespace Vigil.Features.Referrals;

/// <summary>
/// A referral of a person (usually the victim, sometimes the perpetrator) to an advocacy service, MARAC or
/// another agency, with consent and where it stands. One support service received one or two police referrals
/// a year while forces recorded thousands of stalking crimes.
/// </summary>
public sealed class Referral : Cases.IForceRecord
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long PersonRecordId { get; set; }
    public PersonRecord? PersonRecord { get; set; }
    public ReferralTarget To { get; set; }

    /// <summary>Null when consent was not recorded.</summary>
    public bool? Consent { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public string ByName { get; set; } = "";
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.PersonRecord).WithMany().HasForeignKey(r => r.PersonRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonRecordId, r.RecordedAt });
    }
}
