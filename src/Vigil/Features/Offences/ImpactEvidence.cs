using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.People;

namespace Vigil.Features.Offences;

/// <summary>
/// What the victim said the conduct did to them, captured from the first contact rather than after charge: the
/// reviews found s2A charged where s4A fitted because nobody asked how the victim's life had changed. Each effect is
/// its own column so the consider-s4a rule can ask for "serious alarm or distress with a substantial adverse effect"
/// in SQL, on every write, without reading the rows.
/// </summary>
public sealed class ImpactEvidence : CaseRecord
{
    public long VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public ImpactEvidenceKind Kind { get; set; }
    public DateTimeOffset ObtainedAt { get; set; }
    public string Summary { get; set; } = "";

    public bool FearOfViolence { get; set; }

    /// <summary>On how many occasions the victim describes fearing violence; set only with <see cref="FearOfViolence"/>.</summary>
    public int? FearOccasions { get; set; }
    public bool SeriousAlarmOrDistress { get; set; }
    public bool ChangedRoutine { get; set; }
    public bool MovedHome { get; set; }
    public bool ChangedJob { get; set; }
    public bool StoppedSocialActivities { get; set; }
    public bool ChangedPhoneOrAccounts { get; set; }
    public bool InstalledSecurity { get; set; }
    public bool TimeOffWork { get; set; }
    public bool ChildrenRoutinesChanged { get; set; }

    /// <summary>Any other effect, in the victim's words.</summary>
    public string? OtherEffect { get; set; }

    public static string Reference(long id) => $"IMP{id:D6}";

    /// <summary>The effects described, in the order of <see cref="ImpactEffect"/>.</summary>
    public IReadOnlyList<ImpactEffect> Effects => [.. Enum.GetValues<ImpactEffect>().Where(Has)];

    /// <summary>Serious alarm or distress together with an effect on day-to-day life that s4A and s76 count as substantial.</summary>
    public bool SeriousEffect => SeriousAlarmOrDistress && Effects.Any(ImpactEffects.SubstantialAdverse.Contains);

    public bool Has(ImpactEffect effect) => effect switch
    {
        ImpactEffect.FearOfViolence => FearOfViolence,
        ImpactEffect.SeriousAlarmOrDistress => SeriousAlarmOrDistress,
        ImpactEffect.ChangedRoutine => ChangedRoutine,
        ImpactEffect.MovedHome => MovedHome,
        ImpactEffect.ChangedJob => ChangedJob,
        ImpactEffect.StoppedSocialActivities => StoppedSocialActivities,
        ImpactEffect.ChangedPhoneOrAccounts => ChangedPhoneOrAccounts,
        ImpactEffect.InstalledSecurity => InstalledSecurity,
        ImpactEffect.TimeOffWork => TimeOffWork,
        ImpactEffect.ChildrenRoutinesChanged => ChildrenRoutinesChanged,
        _ => false,
    };

    public void Set(ImpactEffect effect)
    {
        switch (effect)
        {
            case ImpactEffect.FearOfViolence: FearOfViolence = true; break;
            case ImpactEffect.SeriousAlarmOrDistress: SeriousAlarmOrDistress = true; break;
            case ImpactEffect.ChangedRoutine: ChangedRoutine = true; break;
            case ImpactEffect.MovedHome: MovedHome = true; break;
            case ImpactEffect.ChangedJob: ChangedJob = true; break;
            case ImpactEffect.StoppedSocialActivities: StoppedSocialActivities = true; break;
            case ImpactEffect.ChangedPhoneOrAccounts: ChangedPhoneOrAccounts = true; break;
            case ImpactEffect.InstalledSecurity: InstalledSecurity = true; break;
            case ImpactEffect.TimeOffWork: TimeOffWork = true; break;
            case ImpactEffect.ChildrenRoutinesChanged: ChildrenRoutinesChanged = true; break;
        }
    }
}

public enum ImpactEvidenceKind
{
    VictimAccount,
    Diary,
    ImpactStatement,
}

/// <summary>Effects a victim may describe. Names are the API's; pages and alerts show them through "ImpactEffect.{name}".</summary>
public enum ImpactEffect
{
    FearOfViolence,
    SeriousAlarmOrDistress,
    ChangedRoutine,
    MovedHome,
    ChangedJob,
    StoppedSocialActivities,
    ChangedPhoneOrAccounts,
    InstalledSecurity,
    TimeOffWork,
    ChildrenRoutinesChanged,
}

public static class ImpactEffects
{
    /// <summary>
    /// Changes to the victim's usual day-to-day activities that, with serious alarm or distress, make the
    /// "substantial adverse effect" of s4A(1)(b)(ii). A new phone number or new locks are protective steps and
    /// may support it, but on their own are not counted here.
    /// </summary>
    public static readonly IReadOnlySet<ImpactEffect> SubstantialAdverse = new HashSet<ImpactEffect>
    {
        ImpactEffect.ChangedRoutine,
        ImpactEffect.MovedHome,
        ImpactEffect.ChangedJob,
        ImpactEffect.StoppedSocialActivities,
        ImpactEffect.TimeOffWork,
        ImpactEffect.ChildrenRoutinesChanged,
    };
}

public static class ImpactEvidenceLimits
{
    public const int Summary = 2_000;
    public const int OtherEffect = 500;
    public const int FearOccasions = 1_000;
}

internal sealed class ImpactEvidenceConfiguration : IEntityTypeConfiguration<ImpactEvidence>
{
    public void Configure(EntityTypeBuilder<ImpactEvidence> builder)
    {
        builder.ToTable("ImpactEvidence");
        builder.MapCaseRecord();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Summary).HasMaxLength(ImpactEvidenceLimits.Summary);
        builder.Property(e => e.OtherEffect).HasMaxLength(ImpactEvidenceLimits.OtherEffect);
        builder.HasOne(e => e.Victim).WithMany().HasForeignKey(e => e.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VictimId, e.RecordedAt });
        builder.Ignore(e => e.Effects);
        builder.Ignore(e => e.SeriousEffect);
    }
}
