using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Risk;

/// <summary>
/// The reference data behind risk grading as one force uses it: the DASH bands, the red-flag items, and any
/// question wording the force has changed. The defaults come from the domain reference (§4.1): 14 or more "yes"
/// is visible high risk; the medium band (often 10–13) is a local choice, so it is a setting, not law.
/// </summary>
public sealed record RiskReference(int HighBand, int MediumBand, IReadOnlyList<string> RedFlags, IReadOnlyDictionary<string, string> Wording)
{
    /// <summary>
    /// Red flags: any "yes" here means the victim cannot sensibly be graded standard. An item joined with "+" is
    /// a combination that counts only when every part is "yes" (recent separation together with constant contact
    /// or stalking).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultRedFlags = ["dash01", "dash16", "dash17", "dash18", "st04", "st08", "dash06+dash08"];

    public static readonly RiskReference Default = new(14, 10, DefaultRedFlags, new Dictionary<string, string>());

    /// <summary>The grade the DASH answers indicate on their own (the actuarial band).</summary>
    public RiskGrade Band(int dashYes) => dashYes >= HighBand ? RiskGrade.High : dashYes >= MediumBand ? RiskGrade.Medium : RiskGrade.Standard;

    /// <summary>The red-flag items answered "yes" in <paramref name="answers"/>.</summary>
    public IReadOnlyList<string> RedFlagsIn(IReadOnlyDictionary<string, bool> answers) =>
        [.. RedFlags.Where(flag => flag.Split('+').All(id => answers.TryGetValue(id, out var yes) && yes))];

    /// <summary>The force's own wording of a question in a language ("en" or "cy"), if it changed it.</summary>
    public string? WordingOf(string questionId, string language) => Wording.GetValueOrDefault(WordingKey(questionId, language));

    public static string WordingKey(string questionId, string language) => $"wording.{questionId}.{language}";

    public const string HighBandKey = "highBand";
    public const string MediumBandKey = "mediumBand";
    public const string RedFlagsKey = "redFlags";
    public const int WordingMaximum = 500;

    /// <summary>A force's reference data: its settings over the defaults. A handful of rows, read per use.</summary>
    public static async Task<RiskReference> ForForceAsync(AppDbContext db, long forceId, CancellationToken cancellationToken)
    {
        var settings = await db.RiskReferenceSettings.AsNoTracking().Where(s => s.ForceId == forceId)
            .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, cancellationToken);
        return From(settings);
    }

    internal static RiskReference From(IReadOnlyDictionary<string, string> settings)
    {
        static int Number(IReadOnlyDictionary<string, string> s, string key, int fallback) =>
            s.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var flags = settings.TryGetValue(RedFlagsKey, out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : DefaultRedFlags;
        return new RiskReference(
            Number(settings, HighBandKey, Default.HighBand),
            Number(settings, MediumBandKey, Default.MediumBand),
            [.. flags],
            settings.Where(s => s.Key.StartsWith("wording.", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
    }
}

/// <summary>One value of a force's risk reference data (a band, the red-flag list, or one question's wording).</summary>
public sealed class RiskReferenceSetting
{
    public long Id { get; set; }
    public long ForceId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedByUserId { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class RiskReferenceSettingConfiguration : IEntityTypeConfiguration<RiskReferenceSetting>
{
    public void Configure(EntityTypeBuilder<RiskReferenceSetting> builder)
    {
        builder.ToTable("RiskReferenceSettings");
        builder.Property(s => s.Key).HasMaxLength(60);
        builder.Property(s => s.Value).HasMaxLength(RiskReference.WordingMaximum);
        builder.Property(s => s.ChangedByUserId).HasMaxLength(450);
        builder.Property(s => s.Reason).HasMaxLength(2_000);
        builder.HasIndex(s => new { s.ForceId, s.Key }).IsUnique();
        builder.HasOne<Forces.Force>().WithMany().HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A question's wording in both languages; empty means "use Vigil's own wording".</summary>
public sealed record QuestionWording(string? En, string? Cy);

public sealed record ChangeRiskReferenceRequest(int? HighBand, int? MediumBand, IReadOnlyList<string>? RedFlags, Dictionary<string, QuestionWording>? Wording, string? Reason);

public sealed record RiskQuestionView(string Id, string Tool, string Wording, string WordingCy, bool Changed);

public sealed record RiskReferenceView(int HighBand, int MediumBand, IReadOnlyList<string> RedFlags, IReadOnlyList<RiskQuestionView> Questions);

/// <summary>
/// Shows and changes a force's risk reference data. Every change is audited with the old and new values and the
/// reason, as for rule thresholds: a force must be able to show why it departs from the defaults.
/// </summary>
public sealed class RiskReferenceHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public const int ReasonMinimum = 10;

    public async Task<Outcome<RiskReferenceView>> GetAsync(CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var reference = await RiskReference.ForForceAsync(db, forceId, cancellationToken);
        return new RiskReferenceView(reference.HighBand, reference.MediumBand, reference.RedFlags,
            [.. Enum.GetValues<RiskTool>().SelectMany(tool => RiskQuestions.Of(tool).Select(id => new RiskQuestionView(
                id, tool.ToString(), RiskQuestionText.Wording(reference, id, "en"), RiskQuestionText.Wording(reference, id, "cy"),
                reference.WordingOf(id, "en") is not null || reference.WordingOf(id, "cy") is not null)))]);
    }

    public async Task<Outcome<RiskReferenceView>> ChangeAsync(ChangeRiskReferenceRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var current = await RiskReference.ForForceAsync(db, forceId, cancellationToken);
        var errors = new ValidationErrors();
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.HighBand is { } high)
        {
            if (high is < 1 or > 27)
            {
                errors.Add("highBand", "Error.RiskReference.HighBand");
            }
            changes[RiskReference.HighBandKey] = high.ToString(CultureInfo.InvariantCulture);
        }
        if (request.MediumBand is { } medium)
        {
            if (medium < 1 || medium >= (request.HighBand ?? current.HighBand))
            {
                errors.Add("mediumBand", "Error.RiskReference.MediumBand", request.HighBand ?? current.HighBand);
            }
            changes[RiskReference.MediumBandKey] = medium.ToString(CultureInfo.InvariantCulture);
        }
        else if (request.HighBand is { } newHigh && current.MediumBand >= newHigh)
        {
            errors.Add("highBand", "Error.RiskReference.MediumBand", newHigh);
        }
        if (request.RedFlags is { } flags)
        {
            var cleaned = new List<string>();
            for (var i = 0; i < flags.Count; i++)
            {
                var parts = (flags[i] ?? "").Split('+', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
                if (parts.Count == 0 || parts.Any(p => RiskQuestions.ToolOf(p) is null))
                {
                    errors.Add($"redFlags[{i}]", "Error.RiskReference.RedFlag", flags[i] ?? "");
                    continue;
                }
                cleaned.Add(string.Join('+', parts));
            }
            changes[RiskReference.RedFlagsKey] = string.Join(',', cleaned.Distinct(StringComparer.Ordinal));
        }
        foreach (var (id, wording) in request.Wording ?? [])
        {
            var key = id.Trim().ToLowerInvariant();
            if (RiskQuestions.ToolOf(key) is null)
            {
                errors.Add($"wording.{id}", "Error.Answers.UnknownQuestion", id, "dash01 to dash27, st01 to st11, ht1 to ht8");
                continue;
            }
            foreach (var (language, value) in new[] { ("en", wording?.En), ("cy", wording?.Cy) })
            {
                var trimmed = value?.Trim() ?? "";
                if (trimmed.Length > RiskReference.WordingMaximum)
                {
                    errors.Add($"wording.{id}.{language}", "Error.Text.TooLong", RiskReference.WordingMaximum);
                }
                // Empty puts Vigil's own wording back.
                changes[RiskReference.WordingKey(key, language)] = trimmed.Length == 0 ? null : trimmed;
            }
        }
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length < ReasonMinimum)
        {
            errors.Add("reason", "Error.Rule.ReasonRequired", ReasonMinimum);
        }
        else if (reason.Length > 2_000)
        {
            errors.Add("reason", "Error.Rationale.TooLong", 2_000);
        }
        if (changes.Count == 0 && !errors.Has("reason"))
        {
            errors.Add("highBand", "Error.RiskReference.NothingToChange");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var rows = await db.RiskReferenceSettings.Where(s => s.ForceId == forceId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var saved = await db.RunAsync<bool>(async ct =>
        {
            foreach (var (key, value) in changes)
            {
                var row = rows.FirstOrDefault(r => r.Key == key);
                var before = row?.Value ?? "(default)";
                if (value is null)
                {
                    if (row is not null)
                    {
                        db.RiskReferenceSettings.Remove(row);
                    }
                }
                else
                {
                    if (row is null)
                    {
                        row = new RiskReferenceSetting { ForceId = forceId, Key = key };
                        db.RiskReferenceSettings.Add(row);
                    }
                    row.Value = value;
                    row.ChangedAt = now;
                    row.ChangedByUserId = user.UserId;
                    row.Reason = reason;
                }
                audit.Add(AuditActions.Update, AuditEntities.RiskReference, forceId,
                    detail: Truncate($"{key}: {before} -> {value ?? "(default)"}; {reason}"));
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return saved.Succeeded ? await GetAsync(cancellationToken) : saved.Failure!;
    }

    private static string Truncate(string detail) => detail.Length <= 2_000 ? detail : detail[..2_000];
}
