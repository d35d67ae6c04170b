namespace EventPlatform.Payment.Application.Ports;

/// <summary>The provider's webhook signature: the only thing that authenticates a webhook.</summary>
public interface IProviderWebhooks
{
    /// <summary>The notification, if <paramref name="signature"/> proves the provider sent <paramref name="body"/> recently; otherwise null with the reason.</summary>
    ProviderNotification? Verify(string body, string? signature, out string? refusal);
}

/// <summary>What a verified webhook names: the provider's event and the object it is about.</summary>
public sealed record ProviderNotification(string EventId, string Type, string ObjectId);
