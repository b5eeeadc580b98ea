using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Screening;

/// <summary>
/// A stalking screening of an incident or case: the FOUR questions (fixated, obsessive, unwanted, repeated) and
/// the stalking screening topics. Kept as a history: each screening is a new row, so what was known when is
/// never lost.
/// </summary>
public sealed class StalkingScreening : CaseRecord
{
    public bool? Fixated { get; set; }
    public bool? Obsessive { get; set; }
    public bool? Unwanted { get; set; }
    public bool? Repeated { get; set; }

    /// <summary>Answers to the stalking screening topics by question id (st01…st11).</summary>
    public Dictionary<string, bool> Answers { get; set; } = [];

    /// <summary>
    /// Why this is not being treated as stalking, when it is recorded as something else: "think stalking first,
    /// and record why not".
    /// </summary>
    public string? NotStalkingReason { get; set; }

    /// <summary>All four FOUR answers are "yes": the behaviour looks like stalking.</summary>
    public bool FourYes => Fixated == true && Obsessive == true && Unwanted == true && Repeated == true;
}

internal sealed class StalkingScreeningConfiguration : IEntityTypeConfiguration<StalkingScreening>
{
    public void Configure(EntityTypeBuilder<StalkingScreening> builder)
    {
        builder.ToTable("Screenings");
        builder.MapCaseRecord();
        builder.Property(s => s.Answers).AsJson();
        builder.Property(s => s.NotStalkingReason).HasMaxLength(CaseRecordLimits.Rationale);
    }
}
