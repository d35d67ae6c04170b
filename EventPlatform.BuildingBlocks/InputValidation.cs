namespace EventPlatform.Domain;

/// <summary>
/// Collects the field rules broken while a request is mapped to domain values, so the caller learns of every
/// bad field in one answer instead of one per attempt.
/// </summary>
public sealed class InputValidation
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    /// <summary>Runs a factory that checks field rules; a broken field rule is recorded and default returned.</summary>
    public T? Capture<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (BusinessRuleBrokenException e) when (e.Rule is IFieldRule rule)
        {
            Add(rule.Field, $"{rule.Name}: {rule.Message}");
            return default;
        }
        catch (InvalidInputException e)
        {
            _violations.AddRange(e.Violations);
            return default;
        }
    }

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InvalidInputException(_violations.ToList());
        }
    }
}
