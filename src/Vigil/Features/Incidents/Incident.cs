using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;
using Vigil.Features.People;

namespace Vigil.Features.Incidents;

/// <summary>
/// Something reported, crime or not. Non-crime incidents are first-class: the reviews found courses of
/// conduct hidden in reports that were never recorded as crimes.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }

    /// <summary>When the report was recorded (the timeline's <c>at</c>).</summary>
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset OccurredFrom { get; set; }
    public DateTimeOffset? OccurredTo { get; set; }

    public Classification Classification { get; set; }

    /// <summary>
    /// Offences present but not recorded as the principal crime (super-complaint recommendation 7), kept
    /// searchable so stalking inside, say, a criminal damage record is still found.
    /// </summary>
    public List<Classification> IncludedClassifications { get; set; } = [];
    public bool RecordedAsCrime { get; set; }
    public string Narrative { get; set; } = "";
    public List<Behaviour> Behaviours { get; set; } = [];
    public List<Channel> Channels { get; set; } = [];
    public string? LocationText { get; set; }
    public double? LocationLatitude { get; set; }
    public double? LocationLongitude { get; set; }
    public Relationship? Relationship { get; set; }
    public Impact Impact { get; set; } = new();
    public bool Domestic { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>The attending or reporting officer as quoted ("PC 1101").</summary>
    public string? Officer { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<IncidentParty> Parties { get; set; } = [];
    public Guid Version { get; set; }

    public static string Reference(long id) => $"INC{id:D6}";
}

/// <summary>The effect on the victim that separates s4A stalking from s2A.</summary>
public sealed class Impact
{
    public bool FearOfViolence { get; set; }
    public bool SeriousAlarmOrDistress { get; set; }
    public bool ChangedRoutine { get; set; }
}

public sealed class IncidentParty
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public long PersonRecordId { get; set; }
    public PersonRecord? PersonRecord { get; set; }
    public PartyRole Role { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.Classification).HasConversion<string>().HasMaxLength(40);
        builder.PrimitiveCollection(i => i.IncludedClassifications).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(i => i.Behaviours).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(i => i.Channels).ElementType().HasConversion<string>();
        builder.Property(i => i.Narrative).HasMaxLength(IncidentLimits.Narrative);
        builder.Property(i => i.LocationText).HasMaxLength(IncidentLimits.LocationText);
        builder.Property(i => i.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Officer).HasMaxLength(IncidentLimits.Officer);
        builder.Property(i => i.RecordedByUserId).HasMaxLength(450);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.ComplexProperty(i => i.Impact);
        builder.HasOne(i => i.Force).WithMany().HasForeignKey(i => i.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Team).WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Parties).WithOne(p => p.Incident).HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ForceId, i.OccurredFrom });
        // Deadline rules look for incidents recorded in an interval of time (risk assessment due 24 hours after).
        builder.HasIndex(i => i.RecordedAt);
        builder.HasIndex(i => i.Classification);
    }
}

internal sealed class IncidentPartyConfiguration : IEntityTypeConfiguration<IncidentParty>
{
    public void Configure(EntityTypeBuilder<IncidentParty> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.PersonRecord).WithMany().HasForeignKey(p => p.PersonRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.IncidentId, p.PersonRecordId, p.Role }).IsUnique();
        builder.HasIndex(p => p.PersonRecordId);
    }
}

public static class IncidentLimits
{
    public const int Narrative = 20_000;
    public const int LocationText = 300;
    public const int Officer = 100;
    public const int Parties = 20;
}
