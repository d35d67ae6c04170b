using EventPlatform.Domain;
using EventPlatform.Domain.Validation;
using EventPlatform.Payment.Application;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Payment.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Payment.Grpc;

/// <summary>Reads the contracts' fields; every bad one is reported at once.</summary>
internal static class PaymentMapping
{
    public const int MaxPaymentMethodLength = 100;

    public static PaymentIntentId IntentId(string? value, string field = "id") => RequestFields.Id<PaymentIntentId>(value, field, "a payment intent id");

    public static string? ReturnUrl(string value, InputValidation input)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!HttpUrl.IsAbsolute(value))
        {
            input.Add("return_url", "An absolute http or https URL.");
        }

        return value;
    }

    /// <summary>An amount as the contract carries it; null when absent.</summary>
    public static Money? Amount(ProtoCommon.Money? amount, InputValidation input) =>
        amount is null ? null : input.Capture(() => Money.Of(amount.AmountMinor, amount.Currency));

    public static Caller Caller(this ServerCallContext context)
    {
        var caller = ServiceDefaults.Identity.CallerContext.Caller(context);
        return new Caller(caller.Subject, caller.IsAdmin);
    }

    /// <summary>The intent as this caller sees it: the paying attendee also gets what pays it.</summary>
    public static Proto.PaymentIntent View(this PaymentIntent intent, Caller caller, string checkoutBaseUrl, string? returnUrl = null) =>
        intent.ToContract(PaymentAccess.IsPayer(caller, intent) ? CheckoutUrl(intent, checkoutBaseUrl, returnUrl) : null);

    private static string CheckoutUrl(PaymentIntent intent, string checkoutBaseUrl, string? returnUrl) =>
        $"{checkoutBaseUrl.TrimEnd('/')}/checkout/{intent.Id}" + (returnUrl is null ? "" : $"?return_url={Uri.EscapeDataString(returnUrl)}");
}
