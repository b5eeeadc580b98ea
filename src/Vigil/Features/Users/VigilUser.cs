using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;

namespace Vigil.Features.Users;

/// <summary>
/// A person who signs in. A police user belongs to one force; a partner user to one agency; never both.
/// </summary>
public sealed class VigilUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Collar or staff number as officers quote it ("PC 1101").</summary>
    public string? CollarNumber { get; set; }

    public long? ForceId { get; set; }
    public Force? Force { get; set; }
    public long? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Set on demo accounts; production start-up refuses to run while any exists.</summary>
    public bool IsDemo { get; set; }
}

internal sealed class VigilUserConfiguration : IEntityTypeConfiguration<VigilUser>
{
    public void Configure(EntityTypeBuilder<VigilUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.CollarNumber).HasMaxLength(40);
        builder.HasOne(u => u.Force).WithMany().HasForeignKey(u => u.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_User_ForceXorAgency", "NOT (\"ForceId\" IS NOT NULL AND \"AgencyId\" IS NOT NULL)"));
    }
}
