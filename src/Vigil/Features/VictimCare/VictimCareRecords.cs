using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.Forces;
using Vigil.Features.People;

namespace Vigil.Features.VictimCare;

/// <summary>
/// How and how often a victim is to be kept informed on an incident or case, and how to contact them safely
/// ("no voicemail"): the reviews found no agreement in 13 of 29 sampled cases.
/// </summary>
public sealed class ContactAgreement : CaseRecord
{
    public long VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public ContactFrequency Frequency { get; set; }
    public ContactMethod? Method { get; set; }
    public string? SafeContact { get; set; }
}

/// <summary>What every record about a victim shares: the victim's record, the force that made it, when and by whom.</summary>
public abstract class VictimRecord : Cases.IForceRecord
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }

    /// <summary>Who did it as quoted ("PC 1101"), or the recording user's name when none was given.</summary>
    public string ByName { get; set; } = "";
}

/// <summary>A contact with the victim and what it told them (arrest, bail, charge, order ended…).</summary>
public sealed class VictimContact : VictimRecord
{
    /// <summary>
    /// The incident or case the contact was about, when the officer recorded it from one (optional: a contact from
    /// an imported history names only the victim, and one call may cover several cases).
    /// </summary>
    public long? IncidentId { get; set; }
    public long? CaseId { get; set; }
    public string? Summary { get; set; }
    public List<VictimInformed> Informs { get; set; } = [];
}

/// <summary>Safety advice given to a victim, word for word, so unsafe or victim-blaming advice can be seen.</summary>
public sealed class Advice : VictimRecord
{
    public string Text { get; set; } = "";

    /// <summary>The case or incident the advice was given on, when the officer gave it from one.</summary>
    public long? CaseId { get; set; }

    public long? IncidentId { get; set; }

    /// <summary>The library items the text was built from: which words were ours and which the officer's own.</summary>
    public List<AdviceItem> LibraryItems { get; set; } = [];
}

public static class VictimCareLimits
{
    public const int SafeContact = 1_000;
    public const int Summary = 4_000;
    // Room for most of the library with the officer's own words; a 100 KB paste is refused, naming the field.
    public const int AdviceText = 4_000;
}

internal static class VictimRecordMapping
{
    public static void MapVictimRecord<T>(this EntityTypeBuilder<T> builder) where T : VictimRecord
    {
        builder.Property(r => r.ByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Victim).WithMany().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.VictimId, r.RecordedAt });
    }
}

internal sealed class ContactAgreementConfiguration : IEntityTypeConfiguration<ContactAgreement>
{
    public void Configure(EntityTypeBuilder<ContactAgreement> builder)
    {
        builder.MapCaseRecord();
        builder.Property(c => c.Frequency).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SafeContact).HasMaxLength(VictimCareLimits.SafeContact);
        builder.HasOne(c => c.Victim).WithMany().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.VictimId);
    }
}

internal sealed class VictimContactConfiguration : IEntityTypeConfiguration<VictimContact>
{
    public void Configure(EntityTypeBuilder<VictimContact> builder)
    {
        builder.MapVictimRecord();
        builder.Property(c => c.Summary).HasMaxLength(VictimCareLimits.Summary);
        builder.PrimitiveCollection(c => c.Informs).ElementType().HasConversion<string>();
        builder.HasOne<Incidents.Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CaseId);
    }
}

internal sealed class AdviceConfiguration : IEntityTypeConfiguration<Advice>
{
    public void Configure(EntityTypeBuilder<Advice> builder)
    {
        builder.ToTable("Advice");
        builder.MapVictimRecord();
        builder.Property(a => a.Text).HasMaxLength(VictimCareLimits.AdviceText);
        builder.PrimitiveCollection(a => a.LibraryItems).ElementType().HasConversion<string>();
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incidents.Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CaseId);
    }
}
