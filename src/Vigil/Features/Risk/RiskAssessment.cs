using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Risk;

/// <summary>
/// One risk assessment of one victim with one tool. A draft is saved as the officer goes and counts for nothing;
/// once complete it is never changed: a reassessment is a new row and a supervisor's view is a review beside it,
/// so the history shows what was graded when, on which answers, and who changed the grade.
/// </summary>
public sealed class RiskAssessment : CaseRecord
{
    public long VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public RiskTool Tool { get; set; }

    /// <summary>Answers by question id; a question not in the map was not answered ("not known").</summary>
    public Dictionary<string, bool> Answers { get; set; } = [];
    public RiskGrade? Grade { get; set; }
    public string? Rationale { get; set; }
    public RiskAssessmentStatus Status { get; set; } = RiskAssessmentStatus.Complete;

    /// <summary>When it was completed: the time rules compare with (a draft may be started long before).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Changes with every save of a draft, so two saves cannot silently overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<RiskReview> Reviews { get; set; } = [];

    public int YesCount => Answers.Count(a => a.Value);

    /// <summary>The grade that stands: the latest supervisor review's, else the officer's.</summary>
    public RiskGrade? EffectiveGrade => Reviews.OrderBy(r => r.ReviewedAt).ThenBy(r => r.Id).LastOrDefault()?.Grade ?? Grade;

    public static string Reference(long id) => $"RSK{id:D6}";
}

/// <summary>
/// A supervisor's review of a completed assessment: endorses or changes the grade, with a rationale. Kept beside
/// the assessment, never written over it.
/// </summary>
public sealed class RiskReview
{
    public long Id { get; set; }
    public long RiskAssessmentId { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string ByName { get; set; } = "";
    public RiskGrade PreviousGrade { get; set; }
    public RiskGrade Grade { get; set; }
    public string Rationale { get; set; } = "";
}

/// <summary>Question ids of the risk tools: dash01–dash27, st01–st11 and ht1–ht8 (timeline format).</summary>
public static partial class RiskQuestions
{
    /// <summary>The tool a question id belongs to, or null if it is not a question id.</summary>
    public static RiskTool? ToolOf(string id)
    {
        var match = QuestionIdPattern().Match(id);
        if (!match.Success)
        {
            return null;
        }
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return match.Groups["family"].Value switch
        {
            "dash" when number is >= 1 and <= 27 => RiskTool.DASH,
            "st" when number is >= 1 and <= 11 => RiskTool.Stalking,
            "ht" when number is >= 1 and <= 8 => RiskTool.HomicideTimeline,
            _ => null,
        };
    }

    /// <summary>Every question of a tool, in order.</summary>
    public static IReadOnlyList<string> Of(RiskTool tool) => tool switch
    {
        RiskTool.DASH => Dash,
        RiskTool.Stalking => Stalking,
        _ => Homicide,
    };

    private static readonly string[] Dash = [.. Enumerable.Range(1, 27).Select(n => string.Create(CultureInfo.InvariantCulture, $"dash{n:D2}"))];
    private static readonly string[] Stalking = [.. Enumerable.Range(1, 11).Select(n => string.Create(CultureInfo.InvariantCulture, $"st{n:D2}"))];
    private static readonly string[] Homicide = [.. Enumerable.Range(1, 8).Select(n => string.Create(CultureInfo.InvariantCulture, $"ht{n}"))];

    /// <summary>
    /// The questions of a tool split into the steps of the form: short pages a response officer can answer on a
    /// phone, each saved before the next.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Steps(RiskTool tool) => tool switch
    {
        RiskTool.DASH => [Dash[..7], Dash[7..14], Dash[14..21], Dash[21..]],
        RiskTool.Stalking => [Stalking[..6], Stalking[6..]],
        _ => [Homicide],
    };

    public static string Range(RiskTool tool) => tool switch
    {
        RiskTool.DASH => "dash01 to dash27",
        RiskTool.Stalking => "st01 to st11",
        _ => "ht1 to ht8",
    };

    [GeneratedRegex(@"^(?:(?<family>dash|st)(?<number>[0-9]{2})|(?<family>ht)(?<number>[0-9]))$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionIdPattern();
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.MapCaseRecord();
        builder.Property(r => r.Tool).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Grade).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Answers).AsJson();
        builder.Property(r => r.Rationale).HasMaxLength(CaseRecordLimits.Rationale);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne(r => r.Victim).WithMany().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(r => r.RiskAssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.VictimId, r.RecordedAt });
        builder.HasIndex(r => r.CompletedAt);
    }
}

internal sealed class RiskReviewConfiguration : IEntityTypeConfiguration<RiskReview>
{
    public void Configure(EntityTypeBuilder<RiskReview> builder)
    {
        builder.ToTable("RiskReviews");
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        builder.Property(r => r.ByName).HasMaxLength(CaseRecordLimits.ByName);
        builder.Property(r => r.PreviousGrade).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Grade).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Rationale).HasMaxLength(CaseRecordLimits.Rationale);
        builder.HasIndex(r => r.ReviewedAt);
    }
}
