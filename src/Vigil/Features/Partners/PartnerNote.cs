using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.Forces;
using Vigil.Features.Referrals;

namespace Vigil.Features.Partners;

/// <summary>
/// A concern or new information an advocate recorded on a case referred to their agency. The reviews found
/// advocates ignored when they emailed from a charity address; here what they say lands on the case, raises an
/// alert for the officer in case and counts as new information for the victim's risk assessment.
/// </summary>
public sealed class PartnerNote
{
    public long Id { get; set; }

    /// <summary>The force holding the case: its officers must act on the note.</summary>
    public long ForceId { get; set; }
    public long CaseId { get; set; }
    public long ReferralId { get; set; }
    public Referral? Referral { get; set; }
    public long AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>The victim the note is about (the referral's person).</summary>
    public long VictimId { get; set; }
    public PartnerNoteKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public string ByName { get; set; } = "";

    /// <summary>PTN, not PN: PN000123 is a person's reference.</summary>
    public static string Reference(long id) => $"PTN{id:D6}";
}

public enum PartnerNoteKind
{
    /// <summary>Something the advocate is worried about: the victim's safety, how the case is being handled.</summary>
    Concern,

    /// <summary>Something new the victim told the advocate: contact, sightings, threats, changes in circumstance.</summary>
    NewInformation,
}

public static class PartnerNoteLimits
{
    public const int Text = 4_000;
}

internal sealed class PartnerNoteConfiguration : IEntityTypeConfiguration<PartnerNote>
{
    public void Configure(EntityTypeBuilder<PartnerNote> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(PartnerNoteLimits.Text);
        builder.Property(n => n.ByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(n => n.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Force>().WithMany().HasForeignKey(n => n.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Referral).WithMany().HasForeignKey(n => n.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Agency).WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.PersonRecord>().WithMany().HasForeignKey(n => n.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.CaseId, n.RecordedAt });
    }
}
