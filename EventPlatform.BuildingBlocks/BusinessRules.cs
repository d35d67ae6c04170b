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
    /// <summary>
    /// The field in the domain's words (<c>Title</c>, <c>Schedule.End</c>, <c>Sessions[2]</c>): each service's gRPC layer
    /// maps it to the contract's field path, so a renamed proto field never edits the domain.
    /// </summary>
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

    /// <summary>
    /// Checks several rules of one value at once: every broken field rule is reported together (bad input), a broken
    /// rule of another kind stops at the first.
    /// </summary>
    public static void CheckAll(params IBusinessRule[] rules)
    {
        var broken = rules.Where(r => r.IsBroken()).ToList();
        if (broken.FirstOrDefault(r => r is not IFieldRule) is { } rule)
        {
            throw new BusinessRuleBrokenException(rule);
        }

        switch (broken.Count)
        {
            case 0:
                return;
            case 1:
                throw new BusinessRuleBrokenException(broken[0]);
            default:
                throw new InvalidInputException(broken.Cast<IFieldRule>().Select(r => new FieldViolation(r.Field, $"{r.Name}: {r.Message}")).ToList());
        }
    }

    /// <summary>"EventMustEndAfterItStartsRule" is called "EventMustEndAfterItStarts".</summary>
    public static string NameOf(Type ruleType) =>
        ruleType.Name.EndsWith("Rule", StringComparison.Ordinal) ? ruleType.Name[..^4] : ruleType.Name;
}
