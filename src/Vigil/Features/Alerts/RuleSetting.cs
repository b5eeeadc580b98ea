using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;

namespace Vigil.Features.Alerts;

/// <summary>
/// A force's own value for one threshold of one rule (RULES.md gives the defaults; a force may set, say,
/// three incidents for a course of conduct). Changing one is audited; the row keeps who changed it last and why.
/// </summary>
public sealed class RuleSetting
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public required string RuleId { get; set; }
    public required string Name { get; set; }
    public int Value { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedByUserId { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>
/// A threshold a rule reads through <see cref="RuleContext.ThresholdAsync"/>: its name (stable, used in the API),
/// the RULES.md default and the values a force may choose between.
/// </summary>
public sealed record RuleThreshold(string Name, int Default, int Minimum, int Maximum);

internal sealed class RuleSettingConfiguration : IEntityTypeConfiguration<RuleSetting>
{
    public void Configure(EntityTypeBuilder<RuleSetting> builder)
    {
        builder.Property(s => s.RuleId).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.ChangedByUserId).HasMaxLength(450);
        builder.Property(s => s.Reason).HasMaxLength(2_000);
        builder.HasOne(s => s.Force).WithMany().HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ForceId, s.RuleId, s.Name }).IsUnique();
    }
}
