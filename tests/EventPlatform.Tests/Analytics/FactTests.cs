using EventPlatform.Analytics.Domain.Facts;

namespace EventPlatform.Tests.Analytics;

/// <summary>Facts converge to the same state whatever order their snapshots arrive in, and however often.</summary>
public sealed class FactTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_registration_ends_in_its_newest_state_in_any_order_keeping_that_it_was_confirmed()
    {
        (RegistrationState, DateTimeOffset?, DateTimeOffset?, bool, DateTimeOffset)[] snapshots =
        [
            (RegistrationState.Waitlisted, null, null, false, T0),
            (RegistrationState.Pending, null, null, true, T0.AddMinutes(1)),
            (RegistrationState.Confirmed, T0.AddMinutes(2), null, true, T0.AddMinutes(2)),
            (RegistrationState.Cancelled, null, T0.AddMinutes(3), true, T0.AddMinutes(3)),
        ];
        var id = Guid.NewGuid();

        var results = Permutations(snapshots).Select(order =>
        {
            var fact = RegistrationFact.Of(id, Guid.Empty);
            foreach (var (state, confirm, close, promoted, update) in order.Concat(order))
            {
                fact.Apply(state, T0, confirm, close, promoted, update);
            }

            return (fact.State, fact.ConfirmTime, fact.CloseTime, fact.PromotedFromWaitlist);
        }).Distinct().ToList();

        results.ShouldHaveSingleItem().ShouldBe((RegistrationState.Cancelled, T0.AddMinutes(2), T0.AddMinutes(3), true));
    }

    [Fact]
    public void A_payment_that_succeeded_stays_succeeded_whatever_failure_comes_after()
    {
        var payment = PaymentFact.Of(Guid.NewGuid(), Guid.NewGuid(), 4900, "EUR");

        payment.Succeed(T0.AddMinutes(1));
        payment.Fail(T0.AddMinutes(2));

        (payment.Succeeded, payment.FailedSeen, payment.Time).ShouldBe((true, true, T0.AddMinutes(1)));
    }

    [Fact]
    public void A_cancelled_event_stays_cancelled_when_an_older_snapshot_arrives_last()
    {
        var e = EventFact.Of(Guid.NewGuid());

        e.Apply("org", "alice", "Days", T0, "Europe/Paris", 10, EventState.Cancelled, T0.AddHours(1));
        e.Apply("org", "alice", "Days", T0, "Europe/Paris", 20, EventState.Published, T0);

        (e.State, e.Capacity).ShouldBe((EventState.Cancelled, 10));
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => new[] { item }.Concat(rest).ToArray()));
}
