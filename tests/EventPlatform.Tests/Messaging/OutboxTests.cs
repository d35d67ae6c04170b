using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";

    [Fact]
    public async Task An_event_committed_by_a_process_that_died_before_publishing_is_delivered_after_restart()
    {
        var registrationDb = await infrastructure.CreateDatabaseAsync("registration");
        var billingDb = await infrastructure.CreateDatabaseAsync("billing");
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);

        // The process commits its state change and event, then dies before its relay ever runs.
        Guid messageId;
        await using (var died = await BusService.CreateAsync(Spec("registration", registrationDb)))
        {
            messageId = await died.ConfirmRegistrationAsync("event-1", "registration-1");
            (await died.OutboxAsync()).ShouldHaveSingleItem().SentAt.ShouldBeNull();
        }

        (await redis.Database.KeyExistsAsync(_prefix + "registration.events")).ShouldBeFalse("nothing may reach Redis before the relay runs");

        await using var billing = await BusService.StartAsync(Spec("billing", billingDb) with { IssuesInvoices = true });
        await using var restarted = await BusService.StartAsync(Spec("registration", registrationDb));

        var invoice = (await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count > 0, "the invoice")).ShouldHaveSingleItem();
        invoice.RegistrationId.ShouldBe("registration-1");
        invoice.MessageId.ShouldBe(messageId.ToString());
        (await Eventually.ReturnsAsync(restarted.OutboxAsync, rows => rows.All(r => r.SentAt is not null), "the row marked sent"))
            .ShouldHaveSingleItem().Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Two_relay_replicas_publish_every_event_once_and_each_ordering_key_in_commit_order()
    {
        var registrationDb = await infrastructure.CreateDatabaseAsync("registration");
        var billingDb = await infrastructure.CreateDatabaseAsync("billing");
        await using var replicaA = await BusService.StartAsync(Spec("registration", registrationDb));
        await using var replicaB = await BusService.StartAsync(Spec("registration", registrationDb));
        await using var billing = await BusService.StartAsync(Spec("billing", billingDb) with { IssuesInvoices = true });
        string[] keys = ["event-a", "event-b", "event-c"];
        const int perReplica = 45;

        // Both replicas take requests at once, for the same keys, as behind a load balancer.
        await Task.WhenAll(
            Task.Run(() => ConfirmManyAsync(replicaA, "a", keys, perReplica)),
            Task.Run(() => ConfirmManyAsync(replicaB, "b", keys, perReplica)));

        var invoices = await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count >= 2 * perReplica, "every invoice");
        var outbox = await replicaA.OutboxAsync();
        invoices.Count.ShouldBe(2 * perReplica);
        invoices.Select(i => i.MessageId).Distinct().Count().ShouldBe(2 * perReplica);
        foreach (var key in keys)
        {
            var committed = outbox.Where(m => m.OrderingKey == key).OrderBy(m => m.Sequence).Select(m => m.Id.ToString());
            var handled = invoices.Where(i => i.EventId == key).OrderBy(i => i.Number).Select(i => i.MessageId);
            handled.ShouldBe(committed, $"events of {key} must be handled in the order they were committed");
        }
    }

    private static async Task ConfirmManyAsync(BusService replica, string name, string[] keys, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await replica.ConfirmRegistrationAsync(keys[i % keys.Length], $"registration-{name}-{i}");
        }
    }

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, infrastructure.RedisConnectionString, _prefix, output);
}
