using EventPlatform.Tests.Notification;
using EventPlatform.Tests.Payment;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// Flow A with one part of the system killed (kill -9) or restarted right after the attendee paid, while the payment's
/// consequences travel between the services: once it is back, the flow ends as it would have without the fault, with
/// exactly one invoice, one email and the right statistics.
/// </summary>
[Collection(FaultSystemCollection.Name)]
public sealed class FaultDuringPaidRegistrationTests(FaultSystemFixture system)
{
    private readonly PaymentDriver _driver = new(system);
    private readonly MailSink _mail = new(system.App.GetEndpoint("mail", "http"));

    [Theory]
    [InlineData("bff")]
    [InlineData("catalog")]
    [InlineData("registration")]
    [InlineData("payment")]
    [InlineData("billing")]
    [InlineData("notification")]
    [InlineData("analytics")]
    public Task A_service_killed_right_after_the_payment_and_started_again_loses_nothing_and_repeats_nothing(string service) =>
        PaidRegistrationOutlivesAsync(async patience =>
        {
            await system.App.KillAsync(service, patience);
            await system.App.StartAgainAsync(service, patience);
        });

    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    public Task A_store_restarted_right_after_the_payment_loses_nothing_and_repeats_nothing(string store) =>
        PaidRegistrationOutlivesAsync(patience => system.App.RestartAsync(store, patience));

    private async Task PaidRegistrationOutlivesAsync(Func<CancellationToken, Task> fault)
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var attendee = _driver.NewAttendee();
        var email = $"fault-{Guid.NewGuid():N}@example.org";
        var registration = await _driver.RegisterAsync(attendee, e.Id, email);
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _driver.PayAtProviderAsync(intent);
        await fault(patience.Token);

        await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_CONFIRMED", TimeSpan.FromMinutes(2));
        var confirmations = await _mail.ExactlyAsync(email, 1, m => m.Subject.StartsWith("You're registered", StringComparison.Ordinal), patience: TimeSpan.FromMinutes(2));
        // A consumer killed mid-handling leaves its messages pending; a consumer of the same group takes them over once
        // they have been idle for Messaging:Redis:ClaimMinIdle (30 s).
        var figures = await _driver.WhenAsync(
            organizerToken, $"/analytics/events/{e.Id}",
            f => (int?)f["confirmedCount"] == 1 && (int?)f["paymentsSucceededCount"] == 1 && (long?)f["invoicedAmount"]?["amountMinor"] == Price,
            "the statistics", TimeSpan.FromMinutes(2));
        var invoices = await _driver.GetAsync(attendee, $"/invoices?registrationId={Id(registration)}");
        var receipts = await _driver.GetAsync(attendee, $"/receipts?registrationId={Id(registration)}");

        invoices["invoices"]!.AsArray().Count.ShouldBe(1);
        receipts["receipts"]!.AsArray().Count.ShouldBe(1);
        confirmations.ShouldHaveSingleItem().Attachments.ShouldBe([$"{invoices["invoices"]![0]!["number"]}.pdf"]);
        ((int?)figures["requestedCount"], (int?)figures["paymentsSucceededCount"], (long?)figures["grossRevenue"]!["amountMinor"])
            .ShouldBe((1, 1, Price));
    }
}
