using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging.Handling;

namespace EventPlatform.Tests.Messaging;

/// <summary>The test consumer's handler: one invoice per confirmed registration, written through the service's DbContext.</summary>
internal sealed class InvoiceOnRegistrationConfirmed(MessagingTestDbContext db, HandlerProbe probe) : IIntegrationEventHandler<RegistrationConfirmed>
{
    public async Task HandleAsync(RegistrationConfirmed message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await probe.EnteredAsync(message, context, cancellationToken);
        db.Invoices.Add(new IssuedInvoice
        {
            RegistrationId = message.Registration.Id,
            EventId = message.EventId,
            MessageId = context.MessageId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What a test wants to see of, or do inside, the handler: every call, and an optional behaviour (fail, hang).</summary>
internal sealed class HandlerProbe
{
    private readonly List<(string MessageId, int Attempt)> _calls = [];

    public Func<RegistrationConfirmed, IntegrationEventContext, CancellationToken, Task>? OnEnter { get; set; }

    public IReadOnlyList<(string MessageId, int Attempt)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task EnteredAsync(RegistrationConfirmed message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add((context.MessageId, context.DeliveryAttempt));
        }

        return OnEnter?.Invoke(message, context, cancellationToken) ?? Task.CompletedTask;
    }
}
