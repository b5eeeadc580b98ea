using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Forces;
using Vigil.Features.People;

namespace Vigil.Features.Orders;

/// <summary>
/// A protective measure on a subject — bail, released under investigation, SPO, DVPN/DVPO, DAPN/DAPO,
/// non-molestation or restraining order — with the people it protects and its conditions. Changes are kept as
/// rows (<see cref="OrderChange"/>) and replaced conditions are ended, not deleted, so a breach always points at
/// the condition as it stood, and the whole life of the order can be read back.
/// </summary>
public sealed class ProtectiveOrder
{
    public long Id { get; set; }

    /// <summary>The force that applied for or imposed it.</summary>
    public long ForceId { get; set; }
    public Force? Force { get; set; }

    /// <summary>
    /// The force that manages the subject, when it is not the force that applied (the subject lives elsewhere):
    /// it sees the order and its breaches as its own and is told of breaches reported by any other force.
    /// </summary>
    public long? ManagingForceId { get; set; }
    public Force? ManagingForce { get; set; }
    public OrderType OrderType { get; set; }
    public long SubjectId { get; set; }
    public PersonRecord? Subject { get; set; }
    public OrderStatus Status { get; set; }

    public DateTimeOffset? Starts { get; set; }
    public DateTimeOffset? Ends { get; set; }

    /// <summary>Where the subject must live, if the order says.</summary>
    public string? Address { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public List<OrderProtectedPerson> Protected { get; set; } = [];
    public List<OrderCondition> Conditions { get; set; } = [];
    public List<OrderChange> Changes { get; set; } = [];
    public List<OrderReview> Reviews { get; set; } = [];

    /// <summary>
    /// When it first had <paramref name="status"/> (an SPO pending for months, a DVPN served with no hearing): the
    /// changes start with the one recording it, so the first change with that status (changes must be loaded).
    /// </summary>
    public DateTimeOffset? FirstAt(OrderStatus status) =>
        Changes.Where(c => c.Status == status).OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => (DateTimeOffset?)c.At).FirstOrDefault()
            ?? (Status == status && !Changes.Any(c => c.Status is not null) ? RecordedAt : null);

    /// <summary>The force managing the subject: the managing force when recorded, else the force that applied.</summary>
    public long ManagedBy => ManagingForceId ?? ForceId;

    /// <summary>Whether a force holds the order as its own: it applied for it or manages the subject.</summary>
    public bool IsHeldBy(long? forceId) => forceId == ForceId || (forceId is not null && forceId == ManagingForceId);

    public bool IsBail => OrderType is OrderType.PreChargeBail or OrderType.PostChargeBail;

    /// <summary>Its status at an instant, from the status changes (which must be loaded).</summary>
    public OrderStatus StatusAt(DateTimeOffset instant)
    {
        var changes = Changes.Where(c => c.Status is not null).OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        var before = changes.LastOrDefault(c => c.At <= instant);
        // Before it was recorded (an order entered after the fact), the status it was recorded with stands.
        return before?.Status ?? changes.FirstOrDefault()?.Status ?? Status;
    }

    /// <summary>In force at an instant: granted or served then, started and not yet ended (changes must be loaded).</summary>
    public bool InForceAt(DateTimeOffset instant) =>
        StatusAt(instant) is OrderStatus.Granted or OrderStatus.Served && (Starts is null || Starts <= instant) && (Ends is null || Ends > instant);

    /// <summary>In force: granted or served and not yet past its end.</summary>
    public bool IsActiveAt(DateTimeOffset instant) =>
        Status is OrderStatus.Granted or OrderStatus.Served && (Ends is null || Ends > instant) && (Starts is null || Starts <= instant);

    /// <summary>The conditions as they stand, in the order given (a breach's condition index points into these).</summary>
    public IReadOnlyList<OrderCondition> CurrentConditions => Conditions.Where(c => c.RemovedAt is null).OrderBy(c => c.Position).ToList();

    public static string Reference(long id) => $"ORD{id:D6}";
}

public sealed class OrderProtectedPerson
{
    public long OrderId { get; set; }
    public long PersonRecordId { get; set; }
    public PersonRecord? PersonRecord { get; set; }
}

/// <summary>
/// One condition of an order. The fields used depend on <see cref="Type"/>: no contact (direct, or indirect too),
/// an exclusion zone (a circle or a polygon), not to attend or reside at an address, a programme, device access,
/// notification requirements, or other wording.
/// </summary>
public sealed class OrderCondition
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public int Position { get; set; }
    public ConditionType Type { get; set; }
    public bool? Indirect { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? RadiusMetres { get; set; }

    /// <summary>An exclusion zone's polygon as latitude, longitude pairs in order.</summary>
    public List<double> Polygon { get; set; } = [];
    public string? Address { get; set; }
    public string? Name { get; set; }
    public string? Text { get; set; }

    /// <summary>
    /// When a positive requirement (programme, device access, notification) must be met, if the order says. An
    /// SPO's notification falls due three days after service without being given (see <see cref="OrderRequirements"/>).
    /// </summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>When a later change replaced the conditions; null while it stands.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>Something the subject must do rather than refrain from: it has a due date and compliance records.</summary>
    public bool IsPositiveRequirement => Type is ConditionType.Programme or ConditionType.DeviceAccess or ConditionType.Notify;
}

/// <summary>
/// Whether the subject did what a positive requirement asks (attended the programme, gave device access, notified
/// name and address), recorded by the force managing them; the latest record stands.
/// </summary>
public sealed class RequirementCompliance
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public long ConditionId { get; set; }
    public OrderCondition? Condition { get; set; }
    public long ForceId { get; set; }
    public ComplianceOutcome Outcome { get; set; }

    /// <summary>When it was met or found not met (the notification made, the session missed).</summary>
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }

    public static string Reference(long id) => $"CMP{id:D6}";
}

/// <summary>One change in an order's life: recorded, status, end date, type (bail becoming RUI) or new conditions.</summary>
public sealed class OrderChange
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTimeOffset At { get; set; }
    public OrderStatus? Status { get; set; }
    public OrderType? OrderType { get; set; }
    public DateTimeOffset? Ends { get; set; }
    public bool ConditionsReplaced { get; set; }
    public string? ByUserId { get; set; }
}

/// <summary>
/// A review of a long order with the victim: are the conditions still right? The victim's views are recorded
/// with the outcome, so an order is never left unreviewed for years.
/// </summary>
public sealed class OrderReview
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string VictimViews { get; set; } = "";
    public string Outcome { get; set; } = "";
}

/// <summary>
/// A breach of an order or of bail, with the condition breached, where and when, who reported it and the action
/// decided. Pre-charge bail breaches are not crimes and so were invisible; here every breach is a record.
/// </summary>
public sealed class Breach
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public ProtectiveOrder? Order { get; set; }

    /// <summary>The force that recorded the breach (it may not be the force that holds the order).</summary>
    public long ForceId { get; set; }
    public Force? Force { get; set; }
    public long? ConditionId { get; set; }
    public OrderCondition? Condition { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public long? ReportedById { get; set; }
    public PersonRecord? ReportedBy { get; set; }
    public string? Description { get; set; }
    public string? LocationText { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Null or <see cref="BreachAction.Undecided"/> until someone decides.</summary>
    public BreachAction? Action { get; set; }
    public string? Rationale { get; set; }

    /// <summary>When the action was decided, if later than the breach was recorded.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>"A breach is a breach": undecided, or no action without saying why, is not a decision.</summary>
    public bool Actioned => Action is not (null or BreachAction.Undecided) && (Action != BreachAction.None || !string.IsNullOrWhiteSpace(Rationale));
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }

    public static string Reference(long id) => $"BRC{id:D6}";
}

public static class OrderLimits
{
    public const int Address = 300;
    public const int Text = 1_000;
    public const int Conditions = 50;
    public const int PolygonPoints = 500;
    public const int Protected = 20;
    public const int Description = 4_000;
}

internal sealed class ProtectiveOrderConfiguration : IEntityTypeConfiguration<ProtectiveOrder>
{
    public void Configure(EntityTypeBuilder<ProtectiveOrder> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.OrderType).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Address).HasMaxLength(OrderLimits.Address);
        builder.Property(o => o.RecordedByUserId).HasMaxLength(450);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Force).WithMany().HasForeignKey(o => o.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.ManagingForce).WithMany().HasForeignKey(o => o.ManagingForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Subject).WithMany().HasForeignKey(o => o.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Protected).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Conditions).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Changes).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.SubjectId);
        builder.HasIndex(o => new { o.ForceId, o.Status });
        // Deadline rules look for orders ending, and applied for, in an interval of time.
        builder.HasIndex(o => o.Ends);
        builder.HasIndex(o => o.RecordedAt);
        builder.HasMany(o => o.Reviews).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderReviewConfiguration : IEntityTypeConfiguration<OrderReview>
{
    public void Configure(EntityTypeBuilder<OrderReview> builder)
    {
        builder.ToTable("OrderReviews");
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        builder.Property(r => r.ByName).HasMaxLength(Cases.CaseRecordLimits.ByName);
        builder.Property(r => r.VictimViews).HasMaxLength(OrderLimits.Description);
        builder.Property(r => r.Outcome).HasMaxLength(OrderLimits.Description);
    }
}

internal sealed class OrderProtectedPersonConfiguration : IEntityTypeConfiguration<OrderProtectedPerson>
{
    public void Configure(EntityTypeBuilder<OrderProtectedPerson> builder)
    {
        builder.HasKey(p => new { p.OrderId, p.PersonRecordId });
        builder.HasOne(p => p.PersonRecord).WithMany().HasForeignKey(p => p.PersonRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PersonRecordId);
    }
}

internal sealed class OrderConditionConfiguration : IEntityTypeConfiguration<OrderCondition>
{
    public void Configure(EntityTypeBuilder<OrderCondition> builder)
    {
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Address).HasMaxLength(OrderLimits.Address);
        builder.Property(c => c.Name).HasMaxLength(OrderLimits.Address);
        builder.Property(c => c.Text).HasMaxLength(OrderLimits.Text);
        builder.PrimitiveCollection(c => c.Polygon);
    }
}

internal sealed class RequirementComplianceConfiguration : IEntityTypeConfiguration<RequirementCompliance>
{
    public void Configure(EntityTypeBuilder<RequirementCompliance> builder)
    {
        builder.ToTable("RequirementCompliance");
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(OrderLimits.Description);
        builder.Property(c => c.ByName).HasMaxLength(Cases.CaseRecordLimits.ByName);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<ProtectiveOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Condition).WithMany().HasForeignKey(c => c.ConditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ConditionId, c.At });
    }
}

internal sealed class OrderChangeConfiguration : IEntityTypeConfiguration<OrderChange>
{
    public void Configure(EntityTypeBuilder<OrderChange> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OrderType).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ByUserId).HasMaxLength(450);
        builder.HasIndex(c => c.At);
    }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> builder)
    {
        builder.Property(b => b.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Description).HasMaxLength(OrderLimits.Description);
        builder.Property(b => b.Rationale).HasMaxLength(OrderLimits.Description);
        builder.Property(b => b.LocationText).HasMaxLength(OrderLimits.Address);
        builder.Property(b => b.RecordedByUserId).HasMaxLength(450);
        builder.HasOne(b => b.Order).WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Force).WithMany().HasForeignKey(b => b.ForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Condition).WithMany().HasForeignKey(b => b.ConditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.ReportedBy).WithMany().HasForeignKey(b => b.ReportedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.OrderId, b.OccurredAt });
        builder.HasIndex(b => b.RecordedAt);
    }
}
