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

    /// <summary>The case the referral was made from, when known; partner access is to this case.</summary>
    public long? CaseId { get; set; }

    /// <summary>The agency the referral went to, when it has Vigil users; only its users may see the case.</summary>
    public long? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>What the victim agreed may be shared with the agency; null when no consent (or none recorded).</summary>
    public ConsentLevel? ConsentLevel { get; set; }

    /// <summary>Why a referral was made without consent (MARAC, MAPPA and the like), by a role allowed to decide it.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>What came of the referral, as the agency or the officer reported it.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When the victim withdrew consent. From that moment the agency's users see nothing of the case.</summary>
    public DateTimeOffset? ConsentWithdrawnAt { get; set; }
    public string? ConsentWithdrawnByUserId { get; set; }
    public string? ConsentWithdrawnByName { get; set; }
    public string? ConsentWithdrawnReason { get; set; }

    /// <summary>Whether the agency's users may see the case now: consent given, at a level, and not withdrawn.</summary>
    public bool SharesWithAgency => Consent == true && ConsentLevel is not null && ConsentWithdrawnAt is null && AgencyId is not null && CaseId is not null;
}

public static class ReferralLimits
{
    public const int Reason = 2_000;
    public const int Outcome = 2_000;
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
        builder.Property(r => r.ConsentLevel).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.OverrideReason).HasMaxLength(ReferralLimits.Reason);
        builder.Property(r => r.Outcome).HasMaxLength(ReferralLimits.Outcome);
        builder.Property(r => r.ConsentWithdrawnByUserId).HasMaxLength(450);
        builder.Property(r => r.ConsentWithdrawnByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(r => r.ConsentWithdrawnReason).HasMaxLength(ReferralLimits.Reason);
        builder.Ignore(r => r.SharesWithAgency);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.CaseId });
    }
}
