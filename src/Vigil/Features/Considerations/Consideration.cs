using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;

namespace Vigil.Features.Considerations;

/// <summary>
/// An option considered on an incident or case (an SPO, a DVPN, MARAC, arrest, Clare's Law…), whether it was
/// progressed, and why: the reviews found no record of what interventions were ever considered.
/// </summary>
public sealed class Consideration : CaseRecord
{
    public ConsiderationKind What { get; set; }
    public ConsiderationDecision Decision { get; set; }
    public string? Rationale { get; set; }
}

internal sealed class ConsiderationConfiguration : IEntityTypeConfiguration<Consideration>
{
    public void Configure(EntityTypeBuilder<Consideration> builder)
    {
        builder.MapCaseRecord();
        builder.Property(c => c.What).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Rationale).HasMaxLength(CaseRecordLimits.Rationale);
    }
}
