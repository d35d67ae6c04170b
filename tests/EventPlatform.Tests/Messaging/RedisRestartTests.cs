using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class RedisRestartTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";

    [Fact]
    public async Task Events_flowing_while_Redis_restarts_are_all_handled_exactly_once()
    {
        await using var registration = await BusService.StartAsync(Spec("registration", await infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        const int count = 60;
        var registrations = Enumerable.Range(0, count).Select(i => $"registration-{i}").ToList();

        // Requests keep committing events before, during and after the restart; the relay and consumer see Redis vanish.
        var requests = Task.Run(async () =>
        {
            foreach (var (registrationId, i) in registrations.Select((r, i) => (r, i)))
            {
                await registration.ConfirmRegistrationAsync($"event-{i % 4}", registrationId);
                await Task.Delay(25);
            }
        });
        await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count >= 5, "events to be flowing");
        await infrastructure.RestartRedisAsync();
        await requests;

        var invoices = await Eventually.ReturnsAsync(billing.InvoicesAsync, i => i.Count >= count, "every invoice");
        invoices.Select(i => i.RegistrationId).Order().ShouldBe(registrations.Order());
        (await registration.OutboxAsync()).ShouldAllBe(row => row.SentAt != null);
    }

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, infrastructure.RedisConnectionString, _prefix, output);
}
