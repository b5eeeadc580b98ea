using System.ComponentModel.DataAnnotations;

namespace Vigil.Infrastructure;

/// <summary>Bound from <c>Vigil</c>.</summary>
public sealed class VigilOptions
{
    public const string Section = "Vigil";

    /// <summary>Where the embedded SQLite database and other local files live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with demo forces, users and case histories on first start.</summary>
    public bool SeedDemoDataOnFirstStart { get; set; }

    /// <summary>The seed that makes demo data reproducible.</summary>
    public int DemoSeed { get; set; } = 1;

    /// <summary>How long a recorded purpose opens another force's record for the user who gave it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "24:00:00")]
    public TimeSpan PurposeGrantDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Whether the running application evaluates the rules for time passed (off only in tests that drive it).</summary>
    public bool RuleClockEnabled { get; set; } = true;

    /// <summary>How often the running application evaluates the rules for time passed (deadline rules).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan RuleClockInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a new personal access token lives.</summary>
    [Range(1, 366)]
    public int AccessTokenLifetimeDays { get; set; } = 90;
}
