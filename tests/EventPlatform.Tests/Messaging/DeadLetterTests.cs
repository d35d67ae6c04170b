using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging.DeadLetters;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class DeadLetterTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";

    private string Stream => _prefix + "registration.events";

    [Fact]
    public async Task Malformed_unknown_and_unreadable_messages_are_dead_lettered_with_their_reason_and_the_stream_continues()
    {
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });

        await redis.Database.StreamAddAsync(Stream, [new NameValueEntry("greeting", "not a cloud event")]);
        await redis.Database.StreamAddAsync(Stream, CloudEvent("eventplatform.teleport.v1.SeatTeleported", [8, 1]));
        await redis.Database.StreamAddAsync(Stream, CloudEvent("eventplatform.registration.v1.RegistrationConfirmed", "not protobuf"u8.ToArray()));
        await registration.ConfirmRegistrationAsync("event-1", "registration-1");

        (await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count > 0, "the valid event's invoice"))
            .ShouldHaveSingleItem().RegistrationId.ShouldBe("registration-1");
        var deadLetters = await Eventually.ReturnsAsync(
            () => billing.Services.GetRequiredService<IDeadLetters>().ListAsync("registration.events"), l => l.Count >= 3, "three dead letters");
        deadLetters.Select(d => d.Reason).ShouldSatisfyAllConditions(
            reasons => reasons.ShouldContain(r => r.StartsWith("Malformed envelope: specversion", StringComparison.Ordinal)),
            reasons => reasons.ShouldContain(r => r.StartsWith("Unknown event type 'eventplatform.teleport.v1.SeatTeleported'", StringComparison.Ordinal)),
            reasons => reasons.ShouldContain(r => r.StartsWith("Unreadable payload: the data is not a valid eventplatform.registration.v1.RegistrationConfirmed", StringComparison.Ordinal)));
        deadLetters.ShouldAllBe(d => d.ConsumerGroup == "billing" && d.Attempts == 1);
        billing.Probe.Calls.Count.ShouldBe(1, "nothing unreadable reaches the handler");
        (await redis.PendingAsync(Stream, "billing")).ShouldBe(0);
    }

    [Fact]
    public async Task An_event_of_a_consumed_context_without_a_handler_is_acknowledged_and_ignored()
    {
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });

        await registration.PublishAsync(new Waitlisted { EventId = "event-1", Registration = new Registration { Id = "registration-0", EventId = "event-1" } });
        await registration.ConfirmRegistrationAsync("event-1", "registration-1");

        await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count == 1, "the confirmed registration's invoice");
        (await billing.Services.GetRequiredService<IDeadLetters>().ListAsync("registration.events")).ShouldBeEmpty();
        await Eventually.HoldsAsync(async () => await redis.PendingAsync(Stream, "billing") == 0, "both events acknowledged");
    }

    [Fact]
    public async Task A_dead_lettered_event_replayed_after_the_fix_is_handled_once()
    {
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        billing.Probe.OnEnter = (_, _, _) => throw new InvalidOperationException("No invoice numbering series for 2026.");
        var deadLetters = billing.Services.GetRequiredService<IDeadLetters>();

        var messageId = await registration.ConfirmRegistrationAsync("event-1", "registration-1");
        var deadLetter = (await Eventually.ReturnsAsync(() => deadLetters.ListAsync("registration.events"), l => l.Count > 0, "the dead letter"))
            .ShouldHaveSingleItem();
        deadLetter.MessageId.ShouldBe(messageId.ToString());
        deadLetter.Reason.ShouldBe("InvalidOperationException: No invoice numbering series for 2026.");
        deadLetter.Attempts.ShouldBe(3);
        (await billing.InvoicesAsync()).ShouldBeEmpty();

        billing.Probe.OnEnter = null;
        (await deadLetters.ReplayAsync("registration.events")).ShouldBe(1);

        (await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count > 0, "the replayed event's invoice"))
            .ShouldHaveSingleItem().MessageId.ShouldBe(messageId.ToString());
        (await deadLetters.ListAsync("registration.events")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_handler_whose_dependency_is_away_is_retried_past_the_attempt_limit_until_it_is_back_and_nothing_is_dead_lettered()
    {
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        var failures = 0;
        billing.Probe.OnEnter = (_, _, _) =>
        {
            if (Interlocked.Increment(ref failures) <= 10)
            {
                throw new TimeoutException("The catalog service did not answer in time.");
            }

            return Task.CompletedTask;
        };

        await registration.ConfirmRegistrationAsync("event-1", "registration-1");

        (await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count > 0, "the invoice once the dependency is back"))
            .ShouldHaveSingleItem().RegistrationId.ShouldBe("registration-1");
        failures.ShouldBe(11, "ten transient failures, more than the 3 attempts a failing message gets, then the handling that passed");
        (await billing.Services.GetRequiredService<IDeadLetters>().ListAsync("registration.events")).ShouldBeEmpty();
    }

    private static NameValueEntry[] CloudEvent(string type, byte[] data) =>
    [
        new(CloudEventAttributes.SpecVersion, CloudEventAttributes.SpecVersionValue),
        new(CloudEventAttributes.Id, Guid.NewGuid().ToString()),
        new(CloudEventAttributes.Source, "somewhere"),
        new(CloudEventAttributes.Type, type),
        new(CloudEventAttributes.Time, "2026-11-24T09:30:00.000000Z"),
        new(CloudEventAttributes.PartitionKey, "event-1"),
        new("data", data),
    ];

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, infrastructure.RedisConnectionString, _prefix, output);
}
