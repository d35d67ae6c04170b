using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Configuration;

/// <summary>Refuses settings that would silently break delivery, at start rather than at the first event.</summary>
internal sealed class EventBusOptionsValidation : IValidateOptions<EventBusOptions>
{
    public ValidateOptionsResult Validate(string? name, EventBusOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add("Messaging:ServiceName is empty: pass the service's name to AddEventBus.");
        }

        if (options.Consumer.MaxDeliveryAttempts < 1)
        {
            problems.Add("Messaging:Consumer:MaxDeliveryAttempts must be at least 1.");
        }

        if (options.Consumer.MaxConcurrency < 1 || options.Consumer.BatchSize < 1)
        {
            problems.Add("Messaging:Consumer:MaxConcurrency and BatchSize must be at least 1.");
        }

        if (options.Outbox.BatchSize < 1 || options.Outbox.MaxKeysPerBatch < 1 || options.Outbox.MaxParallelKeys < 1)
        {
            problems.Add("Messaging:Outbox:BatchSize, MaxKeysPerBatch and MaxParallelKeys must be at least 1.");
        }

        if (options.Redis.ClaimMinIdle <= TimeSpan.Zero || options.Redis.BlockTimeout <= TimeSpan.Zero)
        {
            problems.Add("Messaging:Redis:ClaimMinIdle and BlockTimeout must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
