using EventPlatform.Tests.Payment;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// The payment system, for the tests that kill its parts and load it for a while: the platform the payment collection
/// used (<see cref="PaymentSystemFixture.SharedAs"/>), or started here when that collection does not run. This collection
/// runs alone, after the others: beside them, another platform on two cores starved the other systems' calls past their
/// deadlines.
/// </summary>
public sealed class FaultSystemFixture : PaymentSystemFixture
{
    // Collections that run alone come after all the others.
    protected override bool LastToShare => true;
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSystemCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "Fault system";
}
