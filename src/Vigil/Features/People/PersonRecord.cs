using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;

namespace Vigil.Features.People;

/// <summary>
/// A person as one force recorded them. Never overwritten by linking: resolution groups records,
/// it does not merge their text, so every force's original record survives.
/// </summary>
public sealed class PersonRecord
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public Force? Force { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public List<string> Aliases { get; set; } = [];

    public int? BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    public int? BirthDay { get; set; }

    public Sex Sex { get; set; } = Sex.U;

    public List<PersonAddress> Addresses { get; set; } = [];
    public List<PersonPhone> Phones { get; set; } = [];
    public List<string> Emails { get; set; } = [];
    public List<string> Handles { get; set; } = [];

    /// <summary>Lower-case "given family" (and aliases) without accents, for search. Derived, never shown.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>The resolved identity this record belongs to; null only until resolution has run.</summary>
    public long? PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public Guid Version { get; set; }

    public PartialDate? DateOfBirth
    {
        get => BirthYear is int y ? new PartialDate(y, BirthMonth, BirthDay) : null;
        set
        {
            BirthYear = value?.Year;
            BirthMonth = value?.Month;
            BirthDay = value?.Day;
        }
    }

    public string FullName => $"{GivenName} {FamilyName}";

    public static string Reference(long id) => $"P{id:D6}";
}

public enum Sex
{
    F,
    M,
    X,
    U,
}

public enum AddressKind
{
    Home,
    Work,
    School,
    Other,
}

public sealed class PersonAddress
{
    public required string Text { get; set; }
    public string? Postcode { get; set; }
    public AddressKind Kind { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class PersonPhone
{
    /// <summary>As given ("07700 900123").</summary>
    public required string Number { get; set; }

    /// <summary>Digits in national form ("07700900123"), so +44 and spaced forms find each other.</summary>
    public required string Normalised { get; set; }
}

internal sealed class PersonRecordConfiguration : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(PeopleLimits.Name);
        builder.Property(p => p.FamilyName).HasMaxLength(PeopleLimits.Name);
        builder.Property(p => p.SearchName).HasMaxLength(2000);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(1);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.PrimitiveCollection(p => p.Aliases);
        builder.PrimitiveCollection(p => p.Emails);
        builder.PrimitiveCollection(p => p.Handles);
        builder.Ignore(p => p.DateOfBirth);
        builder.Ignore(p => p.FullName);
        builder.HasOne(p => p.Force).WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ForceId);
        builder.HasIndex(p => p.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => new { p.BirthYear, p.BirthMonth, p.BirthDay });

        builder.OwnsMany(p => p.Addresses, a =>
        {
            a.ToTable("PersonAddresses");
            a.WithOwner().HasForeignKey("PersonRecordId");
            a.Property<long>("Id");
            a.HasKey("Id");
            a.Property(x => x.Text).HasMaxLength(PeopleLimits.Address);
            a.Property(x => x.Postcode).HasMaxLength(10);
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        });
        builder.OwnsMany(p => p.Phones, ph =>
        {
            ph.ToTable("PersonPhones");
            ph.WithOwner().HasForeignKey("PersonRecordId");
            ph.Property<long>("Id");
            ph.HasKey("Id");
            ph.Property(x => x.Number).HasMaxLength(PeopleLimits.Phone);
            ph.Property(x => x.Normalised).HasMaxLength(PeopleLimits.Phone);
            ph.HasIndex(x => x.Normalised);
        });
    }
}

public static class PeopleLimits
{
    public const int Name = 100;
    public const int Address = 300;
    public const int Phone = 30;
    public const int Email = 254;
    public const int Handle = 100;
    public const int ListItems = 20;
}
