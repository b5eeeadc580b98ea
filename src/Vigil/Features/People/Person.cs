using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Features.People;

/// <summary>
/// A resolved identity: one human, grouping the person records every force holds for them. Vigil decides which
/// records belong together (see <see cref="PersonResolution"/>); people can overrule it with match decisions.
/// A person absorbed by a merge is kept, pointing at the person it became, so old links and audit entries
/// still lead somewhere and the merge can be undone.
/// </summary>
public sealed class Person
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when every record of this person now belongs to another person.</summary>
    public long? MergedIntoId { get; set; }
    public DateTimeOffset? MergedAt { get; set; }

    public static string Reference(long id) => $"PN{id:D6}";
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}
