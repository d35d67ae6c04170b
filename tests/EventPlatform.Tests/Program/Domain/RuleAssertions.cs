using EventPlatform.Domain;
using EventPlatform.Program.Grpc;

namespace EventPlatform.Tests.Program.Domain;

internal static class RuleAssertions
{
    /// <summary>The act breaks exactly this rule, and callers will see its name.</summary>
    public static TRule Broken<TRule>(Action act) where TRule : IBusinessRule
    {
        var failure = Should.Throw<BusinessRuleBrokenException>(act);
        failure.Rule.ShouldBeOfType<TRule>();
        failure.Rule.Name.ShouldBe(typeof(TRule).Name[..^"Rule".Length]);
        return (TRule)failure.Rule;
    }

    public static void BrokenField<TRule>(Action act, string field) where TRule : IFieldRule =>
        ProgramFields.Names.ToContract(Broken<TRule>(act).Field).ShouldBe(field);
}
