namespace Vigil.Features.Timeline;

/// <summary>
/// A timeline file that cannot be replayed as it stands. The message is complete on its own (event, field and
/// what was expected) because the command line prints it as the whole explanation before exiting with code 2.
/// </summary>
public sealed class TimelineFormatException : Exception
{
    public TimelineFormatException(string message, int? eventIndex, string? field, Exception? innerException = null)
        : base(message, innerException)
    {
        EventIndex = eventIndex;
        Field = field;
    }

    /// <summary>The 0-based position in <c>events</c> of the event at fault; null for the file as a whole.</summary>
    public int? EventIndex { get; }

    /// <summary>The path of the field at fault within the event (or the document), such as <c>parties[1].role</c>.</summary>
    public string? Field { get; }
}
