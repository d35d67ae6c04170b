using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class InboxTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";

    private string Stream => _prefix + "registration.events";

    [Fact]
    public async Task An_event_whose_handler_committed_before_its_consumer_died_is_redelivered_without_a_second_effect()
    {
        var billingDb = await infrastructure.CreateDatabaseAsync("billing");
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        var freeze = new HangAfterCommitInterceptor();
        var dying = await BusService.StartAsync(Spec("billing", billingDb) with { IssuesInvoices = true, Interceptors = [freeze] });
        freeze.Arm();

        var messageId = await registration.ConfirmRegistrationAsync("event-1", "registration-1");
        await freeze.Committed.WaitAsync(Eventually.Patience);
        (await dying.InvoicesAsync()).ShouldHaveSingleItem("the handler's transaction committed");
        await dying.DisposeAsync();

        (await redis.PendingAsync(Stream, "billing")).ShouldBe(1, "the process died before acknowledging");

        await using var restarted = await BusService.StartAsync(Spec("billing", billingDb) with { IssuesInvoices = true });
        await Eventually.HoldsAsync(async () => await redis.PendingAsync(Stream, "billing") == 0, "the redelivered event to be acknowledged");

        var invoice = (await restarted.InvoicesAsync()).ShouldHaveSingleItem();
        invoice.MessageId.ShouldBe(messageId.ToString());
        restarted.Probe.Calls.ShouldBeEmpty("the inbox knew the event: the handler must not run again");
    }

    [Fact]
    public async Task The_same_event_delivered_twice_issues_one_invoice()
    {
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        var messageId = await registration.ConfirmRegistrationAsync("event-1", "registration-1");
        await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count == 1, "the first invoice");

        // As when a relay dies after XADD and before marking its row sent: the same event is published again.
        var published = (await redis.Database.StreamRangeAsync(Stream)).ShouldHaveSingleItem();
        await redis.Database.StreamAddAsync(Stream, published.Values);
        await registration.ConfirmRegistrationAsync("event-1", "registration-2");

        await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count == 2, "the second registration's invoice");
        (await billing.InvoicesAsync()).Select(i => i.RegistrationId).ShouldBe(["registration-1", "registration-2"]);
        billing.Probe.Calls.Count(c => c.MessageId == messageId.ToString()).ShouldBe(1);
        (await redis.PendingAsync(Stream, "billing")).ShouldBe(0);
    }

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, infrastructure.RedisConnectionString, _prefix, output);
}
