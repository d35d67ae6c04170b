using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>What a seat costs, in minor units of an ISO-4217 currency, with the VAT rate that applies to it.</summary>
public sealed record Price
{
    private Price(long amountMinor, string currency, int vatRateBasisPoints)
    {
        AmountMinor = amountMinor;
        Currency = currency;
        VatRateBasisPoints = vatRateBasisPoints;
    }

    public long AmountMinor { get; }

    public string Currency { get; }

    /// <summary>2000 = 20 %.</summary>
    public int VatRateBasisPoints { get; }

    public static Price Create(long amountMinor, string currency, int vatRateBasisPoints)
    {
        BusinessRule.CheckAll(
            new PriceMustBePositiveRule(amountMinor),
            new CurrencyMustBeIso4217Rule(currency),
            new VatRateMustBeAPercentageRule(vatRateBasisPoints));
        return new Price(amountMinor, currency, vatRateBasisPoints);
    }
}

public sealed class PriceMustBePositiveRule(long amountMinor) : IFieldRule
{
    public string Field => "Price.Amount";

    public string Message => "A paid event's price must be above zero; leave the price out for a free event.";

    public bool IsBroken() => amountMinor <= 0;
}

public sealed class CurrencyMustBeIso4217Rule(string currency) : IFieldRule
{
    public string Field => "Price.Currency";

    public string Message => $"{Quoted.Value(currency)} is not an ISO-4217 currency code (three capital letters, e.g. EUR).";

    public bool IsBroken() => currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper);
}

public sealed class VatRateMustBeAPercentageRule(int basisPoints) : IFieldRule
{
    public string Field => "Price.VatRate";

    public string Message => "The VAT rate must be between 0 and 10000 basis points (0 % to 100 %).";

    public bool IsBroken() => basisPoints is < 0 or > 10_000;
}
