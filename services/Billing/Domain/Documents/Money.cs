namespace EventPlatform.Billing.Domain.Documents;

/// <summary>An amount in minor units of an ISO 4217 currency (1500 EUR = 15.00 €).</summary>
public sealed record Money(long AmountMinor, string Currency);
