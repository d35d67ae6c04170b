using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging.Handling;

namespace EventPlatform.Bench.Messaging;

/// <summary>The consumer's work per event: one row, written in the handler's transaction beside its inbox record.</summary>
internal sealed class IssueInvoice(BenchDbContext db) : IIntegrationEventHandler<RegistrationConfirmed>
{
    public Task HandleAsync(RegistrationConfirmed message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        db.Invoices.Add(new Invoice { Id = context.MessageId, RegistrationId = message.Registration.Id });
        return Task.CompletedTask;
    }
}
