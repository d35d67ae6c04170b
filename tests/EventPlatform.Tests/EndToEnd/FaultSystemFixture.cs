using EventPlatform.Tests.Payment;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// A payment system of its own for the tests that kill its parts and load it for a while. Its collection runs alone,
/// after the others: beside them, a third platform on two cores starved the other systems' calls past their deadlines.
/// A consumer killed with a message in hand leaves it pending; here another takes it over after 10 s instead of 30 s,
/// which is most of what a killed service's test waits for.
/// </summary>
public sealed class FaultSystemFixture() : PaymentSystemFixture(new Dictionary<string, string>
{
    ["Messaging__Redis__ClaimMinIdle"] = "00:00:10",
    ["Messaging__Redis__ClaimInterval"] = "00:00:02",
});

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSystemCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "Fault system";
}
