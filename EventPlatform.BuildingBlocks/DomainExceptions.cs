namespace EventPlatform.Domain;

/// <summary>A business rule was broken: FAILED_PRECONDITION naming the rule, or INVALID_ARGUMENT for a field rule.</summary>
public sealed class BusinessRuleBrokenException(IBusinessRule rule) : Exception(rule.Message)
{
    public IBusinessRule Rule { get; } = rule;
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input, every offending field at once: INVALID_ARGUMENT with one violation per field.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations) : Exception(Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public static string Describe(IEnumerable<FieldViolation> violations) =>
        "The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));

    public InvalidInputException(string field, string description) : this([new FieldViolation(field, description)])
    {
    }
}

public sealed class NotFoundException(string resourceType, string resourceId)
    : Exception($"{resourceType} {Validation.Quoted.Value(resourceId)} was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceId { get; } = resourceId;
}

public sealed class AlreadyExistsException(string resourceType, string resourceId, string message) : Exception(message)
{
    public string ResourceType { get; } = resourceType;

    public string ResourceId { get; } = resourceId;
}

/// <summary>The caller is known but may not do this (e.g. change another organizer's event).</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);

/// <summary>The caller did not prove who they are.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);

/// <summary>Someone else changed the same thing meanwhile (optimistic concurrency): ABORTED, read again and retry.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>Something this depends on (a payment provider, another service) cannot answer now: UNAVAILABLE, retry later.</summary>
public sealed class UnavailableException(string message, Exception? inner = null) : Exception(message, inner);
