namespace Vigil.Infrastructure.Http;

/// <summary>
/// Expected failures are values, not exceptions. Messages are resource keys so the page or the API
/// renders them in the reader's language; <see cref="FieldError.Field"/> is the API's JSON path.
/// </summary>
public abstract record Failure;

public sealed record NotFound : Failure;

public sealed record Forbidden(string MessageKey) : Failure;

public sealed record Conflict(string MessageKey) : Failure;

/// <summary>Another force's record: open only once the reader records why they need it.</summary>
public sealed record PurposeRequired(string EntityType, long Id, string ForceCode) : Failure;

public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Failure;

public sealed record FieldError(string Field, string MessageKey, params object[] Args);

public readonly struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

/// <summary>Collects every problem with a request so the user sees them all at once, not one per try.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string messageKey, params object[] args) => _errors.Add(new FieldError(field, messageKey, args));

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public Invalid ToFailure() => new(_errors.ToList());
}
