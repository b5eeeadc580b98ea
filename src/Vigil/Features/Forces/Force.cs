using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.Forces;

/// <summary>A territorial police force. Every record and every police user belongs to exactly one.</summary>
public sealed class Force
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? WelshName { get; set; }
    public List<Team> Teams { get; set; } = [];
}

/// <summary>
/// A unit inside a force. <see cref="Specialist"/> marks the teams force policy allows to hold stalking cases
/// (public protection, domestic abuse, stalking units); allocation rules read it.
/// </summary>
public sealed class Team
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Specialist { get; set; }
}

/// <summary>A partner agency (advocacy service, probation, health). Its users see only consented referrals.</summary>
public sealed class Agency
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
}

public enum AgencyKind
{
    StalkingAdvocacy,
    DomesticAbuseAdvocacy,
    Probation,
    MentalHealth,
    VictimSupport,
    Other,
}

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(10);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.WelshName).HasMaxLength(200);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasMany(f => f.Teams).WithOne(t => t.Force).HasForeignKey(t => t.ForceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.ForceId, t.Code }).IsUnique();
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
    }
}
