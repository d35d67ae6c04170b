using EventPlatform.Domain;

namespace EventPlatform.Payment.Domain.Payments;

/// <summary>An amount in minor units of an ISO 4217 currency (1500 EUR = 15.00 €).</summary>
public sealed record Money(long AmountMinor, string Currency)
{
    public static Money Of(long amountMinor, string currency)
    {
        BusinessRule.CheckAll(new AmountMustBePositiveRule(amountMinor), new CurrencyMustBeIso4217Rule(currency));
        return new Money(amountMinor, currency);
    }

    public Money With(long amountMinor) => this with { AmountMinor = amountMinor };

    public override string ToString() => $"{AmountMinor / 100m:0.00} {Currency}";
}

public sealed class AmountMustBePositiveRule(long amountMinor) : IFieldRule
{
    public string Field => "Amount";

    public string Message => "An amount is a positive number of minor units (cents).";

    public bool IsBroken() => amountMinor <= 0;
}

public sealed class CurrencyMustBeIso4217Rule(string? currency) : IFieldRule
{
    public string Field => "Amount.Currency";

    public string Message => "A currency is an ISO 4217 code in capitals, such as EUR.";

    public bool IsBroken() => currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper);
}
