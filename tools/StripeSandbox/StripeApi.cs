using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.StripeSandbox;

/// <summary>The subset of Stripe's REST API the payment service calls, with Stripe's rules and test-mode behaviour.</summary>
public static class StripeApi
{
    public static void MapStripeApi(this WebApplication app)
    {
        var api = app.MapGroup("/v1").AddEndpointFilter(RequireApiKey);
        api.MapPost("/payment_intents", (HttpContext http, SandboxStore store, WebhookSender webhooks) =>
            Idempotent(http, store, form => CreatePaymentIntent(form, store, webhooks, http)));
        api.MapGet("/payment_intents/{id}", (string id, HttpContext http, SandboxStore store) =>
            store.PaymentIntents.TryGetValue(id, out var pi)
                ? Json(200, StripeJson.PaymentIntent(pi, Expands(http, "latest_charge")).ToJson())
                : Json(404, StripeErrors.Missing("payment_intent", id)));
        api.MapPost("/payment_intents/{id}/confirm", (string id, HttpContext http, SandboxStore store, WebhookSender webhooks) =>
            Idempotent(http, store, form => Confirm(id, form, store, webhooks, http)));
        api.MapPost("/payment_intents/{id}/cancel", (string id, HttpContext http, SandboxStore store, WebhookSender webhooks) =>
            Idempotent(http, store, form => Cancel(id, form, store, webhooks, http)));
        api.MapPost("/refunds", (HttpContext http, SandboxStore store, WebhookSender webhooks) =>
            Idempotent(http, store, form => CreateRefund(form, store, webhooks, http)));
        api.MapGet("/refunds/{id}", (string id, SandboxStore store) =>
            store.Refunds.TryGetValue(id, out var refund)
                ? Json(200, StripeJson.Refund(refund).ToJson())
                : Json(404, StripeErrors.Missing("refund", id)));

        // The bank's authentication page of a payment that needs it (3-D Secure), as the attendee's browser sees it.
        app.MapGet("/sandbox/authenticate/{id}", (string id, SandboxStore store) =>
            store.PaymentIntents.TryGetValue(id, out var pi)
                ? Results.Content(AuthenticationPage(pi), "text/html; charset=utf-8")
                : Results.NotFound());
        app.MapPost("/sandbox/authenticate/{id}", async (string id, HttpContext http, SandboxStore store, WebhookSender webhooks) =>
        {
            var approved = (await http.Request.ReadFormAsync())["result"] == "approve";
            if (!store.PaymentIntents.TryGetValue(id, out var pi))
            {
                return Results.NotFound();
            }

            lock (store.LockOf(id))
            {
                if (pi.Status == "requires_action" && TestCard.ByPaymentMethod.TryGetValue(pi.PendingPaymentMethod ?? "", out var card))
                {
                    Settle(pi, card, approved ? null : ("payment_intent_authentication_failure", null, "The provided payment method has failed authentication."), webhooks, null);
                }
            }

            return pi.ReturnUrl is { Length: > 0 } back ? Results.Redirect(back) : Results.Content(AuthenticationPage(pi), "text/html; charset=utf-8");
        });
    }

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = context.HttpContext.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.ApiKey;
        var given = context.HttpContext.Request.Headers.Authorization.ToString();
        return given == $"Bearer {expected}"
            ? await next(context)
            : Json(401, StripeErrors.Error("invalid_request_error", "api_key_invalid", "Invalid API Key provided."));
    }

    private static IResult CreatePaymentIntent(IFormCollection form, SandboxStore store, WebhookSender webhooks, HttpContext http)
    {
        if (!long.TryParse(form["amount"], out var amount) || amount < 1)
        {
            return Json(400, StripeErrors.Invalid("amount", "This value must be greater than or equal to 1."));
        }

        if (form["currency"].ToString() is not { Length: 3 } currency)
        {
            return Json(400, StripeErrors.Invalid("currency", "Invalid currency."));
        }

        var id = SandboxStore.NewId("pi");
        var pi = new SandboxPaymentIntent
        {
            Id = id,
            Amount = amount,
            Currency = currency.ToLowerInvariant(),
            Description = form["description"],
            ReceiptEmail = form["receipt_email"],
            Metadata = Metadata(form),
            ClientSecret = $"{id}_secret_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}",
            Created = DateTimeOffset.UtcNow,
        };
        store.PaymentIntents[id] = pi;
        webhooks.Send(StripeJson.Event("payment_intent.created", StripeJson.PaymentIntent(pi, expandCharge: false), IdempotencyKey(http)));
        return Json(200, StripeJson.PaymentIntent(pi, Expands(http, "latest_charge")).ToJson());
    }

    private static IResult Confirm(string id, IFormCollection form, SandboxStore store, WebhookSender webhooks, HttpContext http)
    {
        if (!store.PaymentIntents.TryGetValue(id, out var pi))
        {
            return Json(404, StripeErrors.Missing("payment_intent", id));
        }

        var paymentMethod = form["payment_method"].ToString();
        if (!TestCard.ByPaymentMethod.TryGetValue(paymentMethod, out var card))
        {
            return Json(400, StripeErrors.Error("invalid_request_error", "resource_missing", $"No such PaymentMethod: '{paymentMethod}'", param: "payment_method"));
        }

        lock (store.LockOf(id))
        {
            if (pi.Status is not ("requires_payment_method" or "requires_confirmation"))
            {
                return Json(400, StripeErrors.Error(
                    "invalid_request_error", "payment_intent_unexpected_state",
                    $"This PaymentIntent's status is {pi.Status}, so it cannot be confirmed.",
                    paymentIntentJson: StripeJson.PaymentIntent(pi, false).ToJson()));
            }

            pi.ReturnUrl = form["return_url"];
            if (card.RequiresAuthentication)
            {
                pi.Status = "requires_action";
                pi.AuthenticationUrl = $"{http.Request.Scheme}://{http.Request.Host}/sandbox/authenticate/{pi.Id}";
                pi.PendingPaymentMethod = paymentMethod;
                webhooks.Send(StripeJson.Event("payment_intent.requires_action", StripeJson.PaymentIntent(pi, false), IdempotencyKey(http)));
                return Json(200, StripeJson.PaymentIntent(pi, Expands(http, "latest_charge")).ToJson());
            }

            Settle(pi, card, card.Declines ? ("card_declined", card.DeclineCode, card.DeclineMessage!) : null, webhooks, IdempotencyKey(http));
            var json = StripeJson.PaymentIntent(pi, Expands(http, "latest_charge")).ToJson();
            return card.Declines
                ? Json(402, StripeErrors.Error("card_error", "card_declined", card.DeclineMessage!, card.DeclineCode, paymentIntentJson: json))
                : Json(200, json);
        }
    }

    /// <summary>The attempt's outcome: a charge, then succeeded, or declined and back to waiting for a payment method.</summary>
    private static void Settle(SandboxPaymentIntent pi, TestCard card, (string Code, string? DeclineCode, string Message)? failure, WebhookSender webhooks, string? idempotencyKey)
    {
        var charge = new SandboxCharge
        {
            Id = SandboxStore.NewId("ch"),
            PaymentIntent = pi.Id,
            Amount = pi.Amount,
            Currency = pi.Currency,
            Card = card,
            Created = DateTimeOffset.UtcNow,
            Paid = failure is null,
            FailureCode = failure?.Code,
            FailureMessage = failure?.Message,
        };
        pi.LatestCharge = charge;
        pi.PendingPaymentMethod = null;
        if (failure is { } declined)
        {
            pi.Status = "requires_payment_method";
            pi.LastPaymentError = declined;
            webhooks.Send(StripeJson.Event("payment_intent.payment_failed", StripeJson.PaymentIntent(pi, false), idempotencyKey));
        }
        else
        {
            pi.Status = "succeeded";
            pi.LastPaymentError = null;
            webhooks.Send(StripeJson.Event("payment_intent.succeeded", StripeJson.PaymentIntent(pi, false), idempotencyKey));
        }
    }

    private static IResult Cancel(string id, IFormCollection form, SandboxStore store, WebhookSender webhooks, HttpContext http)
    {
        if (!store.PaymentIntents.TryGetValue(id, out var pi))
        {
            return Json(404, StripeErrors.Missing("payment_intent", id));
        }

        lock (store.LockOf(id))
        {
            if (pi.Status is "succeeded" or "canceled")
            {
                return Json(400, StripeErrors.Error(
                    "invalid_request_error", "payment_intent_unexpected_state",
                    $"You cannot cancel this PaymentIntent because it has a status of {pi.Status}.",
                    paymentIntentJson: StripeJson.PaymentIntent(pi, false).ToJson()));
            }

            pi.Status = "canceled";
            pi.CanceledAt = DateTimeOffset.UtcNow;
            pi.CancellationReason = form["cancellation_reason"].ToString() is { Length: > 0 } reason ? reason : "requested_by_customer";
            webhooks.Send(StripeJson.Event("payment_intent.canceled", StripeJson.PaymentIntent(pi, false), IdempotencyKey(http)));
            return Json(200, StripeJson.PaymentIntent(pi, Expands(http, "latest_charge")).ToJson());
        }
    }

    private static IResult CreateRefund(IFormCollection form, SandboxStore store, WebhookSender webhooks, HttpContext http)
    {
        var id = form["payment_intent"].ToString();
        if (!store.PaymentIntents.TryGetValue(id, out var pi))
        {
            return Json(404, StripeErrors.Missing("payment_intent", id));
        }

        lock (store.LockOf(id))
        {
            if (pi is not { Status: "succeeded", LatestCharge: { } charge })
            {
                return Json(400, StripeErrors.Error("invalid_request_error", "charge_not_refundable", "This PaymentIntent does not have a successful charge to refund."));
            }

            var left = charge.Amount - charge.AmountRefunded;
            var amount = form.ContainsKey("amount") && long.TryParse(form["amount"], out var asked) ? asked : left;
            if (amount < 1 || amount > left)
            {
                return Json(400, StripeErrors.Error(
                    "invalid_request_error", "amount_too_large",
                    $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})", param: "amount"));
            }

            charge.AmountRefunded += amount;
            var refund = new SandboxRefund
            {
                Id = SandboxStore.NewId("re"),
                PaymentIntent = pi.Id,
                Charge = charge.Id,
                Amount = amount,
                Currency = pi.Currency,
                Reason = form["reason"].ToString() is { Length: > 0 } reason ? reason : null,
                Metadata = Metadata(form),
                Created = DateTimeOffset.UtcNow,
            };
            store.Refunds[refund.Id] = refund;
            var json = StripeJson.Refund(refund);
            webhooks.Send(StripeJson.Event("refund.created", json, IdempotencyKey(http)));
            webhooks.Send(StripeJson.Event("charge.refunded", StripeJson.Charge(charge), IdempotencyKey(http)));
            return Json(200, json.ToJson());
        }
    }

    /// <summary>
    /// Stripe's idempotency: the same key with the same parameters returns the first answer, with others it is refused.
    /// </summary>
    private static async Task<IResult> Idempotent(HttpContext http, SandboxStore store, Func<IFormCollection, IResult> handle)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;
        if (IdempotencyKey(http) is not { } key)
        {
            return handle(form);
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            http.Request.Path + "?" + string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")))));
        if (store.Earlier(key, hash) is var (status, body))
        {
            return Json(status, body);
        }

        var result = handle(form);
        if (result is ContentHttpResult { StatusCode: { } code, ResponseContent: { } content } && code < 500)
        {
            store.Remember(key, hash, code, content);
        }

        return result;
    }

    private static string? IdempotencyKey(HttpContext http) =>
        http.Request.Headers.TryGetValue("Idempotency-Key", out var key) && key.ToString().Length > 0 ? key.ToString() : null;

    private static Dictionary<string, string> Metadata(IFormCollection form) =>
        form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString());

    /// <summary>Stripe's expand[]: in the query of a GET, in the form of a POST.</summary>
    private static bool Expands(HttpContext http, string field) =>
        http.Request.Query.Concat(http.Request.HasFormContentType ? http.Request.Form : [])
            .Where(q => q.Key.StartsWith("expand", StringComparison.Ordinal)).Any(q => q.Value.Contains(field));

    private static ContentHttpResult Json(int status, string body) =>
        (ContentHttpResult)Results.Content(body, "application/json", Encoding.UTF8, status);

    private static string AuthenticationPage(SandboxPaymentIntent pi) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Bank authentication (sandbox)</title>
        <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1rem;margin-right:.5rem}</style></head>
        <body><h1>Your bank asks you to confirm</h1>
        <p>Payment of {{pi.Amount / 100m:0.00}} {{pi.Currency.ToUpperInvariant()}}{{(pi.Description is { Length: > 0 } d ? " — " + System.Net.WebUtility.HtmlEncode(d) : "")}}.</p>
        <p>Status: <strong>{{pi.Status}}</strong></p>
        <form method="post"><button name="result" value="approve">Approve</button><button name="result" value="fail">Fail authentication</button></form>
        </body></html>
        """;
}
