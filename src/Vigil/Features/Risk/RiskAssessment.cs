using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Risk;

/// <summary>
/// One risk assessment of one victim with one tool, never overwritten: a reassessment is a new row, so the
/// history shows what was graded when and on which answers.
/// </summary>
public sealed class RiskAssessment : CaseRecord
{
    public long VictimId { get; set; }
    public PersonRecord? Victim { get; set; }
    public RiskTool Tool { get; set; }
    public Dictionary<string, bool> Answers { get; set; } = [];
    public RiskGrade? Grade { get; set; }
    public string? Rationale { get; set; }

    public static string Reference(long id) => $"RSK{id:D6}";
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
        builder.HasOne(r => r.Victim).WithMany().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.VictimId, r.RecordedAt });
    }
}
