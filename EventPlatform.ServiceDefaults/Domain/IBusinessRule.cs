namespace EventPlatform.Domain;

/// <summary>
/// A business rule as a small named type: its name is the error callers see, in code, logs, gRPC status and UI.
/// </summary>
public interface IBusinessRule
{
    string Message { get; }

    bool IsBroken();

    string Name => BusinessRule.NameOf(GetType());
}

/// <summary>
/// A rule about one input field (e.g. an event's end after its start): broken, it is bad input naming that field.
/// </summary>
public interface IFieldRule : IBusinessRule
{
    /// <summary>The field as the contracts name it (snake_case proto field name).</summary>
    string Field { get; }
}

public static class BusinessRule
{
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleBrokenException(rule);
        }
    }

    /// <summary>"EventMustEndAfterItStartsRule" is called "EventMustEndAfterItStarts".</summary>
    public static string NameOf(Type ruleType) =>
        ruleType.Name.EndsWith("Rule", StringComparison.Ordinal) ? ruleType.Name[..^4] : ruleType.Name;
}
