using System.Net;
using System.Text.Json.Nodes;
using EventPlatform.Contracts.Catalog.V1;
using Npgsql;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.Payment;

/// <summary>Paid registrations end to end, as attendees and organizers drive them through the BFF, paying in the Stripe sandbox.</summary>
[Collection(PaymentSystemCollection.Name)]
public sealed class PaymentFlowTests(PaymentSystemFixture system)
{
    private readonly PaymentDriver _driver = new(system);
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task A_paid_registration_is_confirmed_once_paid_after_a_declined_card_and_only_the_payer_sees_what_pays()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var attendee = _driver.NewAttendee();
        var registration = await _driver.RegisterAsync(attendee, e.Id);
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));

        var declined = await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_chargeDeclined");
        var paid = await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_visa");
        var confirmed = await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_CONFIRMED");

        ((string?)registration["status"], (string?)registration["paymentIntentId"]).ShouldBe(("REGISTRATION_STATUS_PENDING", Id(registration)));
        ((string?)intent["checkoutUrl"]).ShouldEndWith($"/checkout/{Id(intent)}?return_url=https%3A%2F%2Ffront.example.org%2Fpaid");
        ((long?)intent["amount"]!["amountMinor"], (string?)intent["amount"]!["currency"]).ShouldBe((Price, "EUR"));
        ((string?)declined["status"], (int?)declined["declinedAttemptCount"], (string?)declined["failureMessage"])
            .ShouldBe(("PAYMENT_INTENT_STATUS_REQUIRES_PAYMENT", 1, "Your card was declined."));
        ((string?)paid["status"]).ShouldBe("PAYMENT_INTENT_STATUS_SUCCEEDED");
        paid["charges"]!.AsArray().Select(c => $"{c!["paymentMethod"]} {c["status"]}")
            .ShouldBe(["Visa •••• 0002 CHARGE_STATUS_FAILED", "Visa •••• 4242 CHARGE_STATUS_SUCCEEDED"]);
        ((string?)confirmed["confirmTime"]).ShouldNotBeNull();

        var seenByOrganizer = await _driver.GetAsync(organizerToken, $"/payments/intents?eventId={e.Id}");
        ((string?)seenByOrganizer["paymentIntents"]!.AsArray().Single()!["clientSecret"]).ShouldBeNullOrEmpty();
        using var stranger = _driver.Catalog.BffAs(_driver.NewAttendee());
        (await stranger.GetAsync($"/payments/intents/{Id(intent)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_registration_pending_until_the_hold_lapses_then_the_seat_goes_to_the_first_waitlisted()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 1);
        var first = _driver.NewAttendee();
        var second = _driver.NewAttendee();
        var third = _driver.NewAttendee();
        var holding = await _driver.RegisterAsync(first, e.Id);
        var next = await _driver.RegisterAsync(second, e.Id);
        var after = await _driver.RegisterAsync(third, e.Id);
        var intent = await _driver.CreateIntentAsync(first, Id(holding));

        await _driver.ConfirmAsync(first, Id(intent), "pm_card_chargeDeclinedInsufficientFunds");
        var stillHeld = await _driver.GetAsync(first, $"/registrations/{Id(holding)}");
        var lapsed = await _driver.RegistrationWhenAsync(first, Id(holding), "REGISTRATION_STATUS_EXPIRED", PaymentSystemFixture.HoldDuration * 3);
        var promoted = await _driver.WhenAsync(
            second, $"/registrations/{Id(next)}", r => (string?)r["status"] == "REGISTRATION_STATUS_PENDING" && (string?)r["paymentIntentId"] is { Length: > 0 },
            "the promotion, with its payment opened");
        var movedUp = await _driver.GetAsync(third, $"/registrations/{Id(after)}");

        ((string?)stillHeld["status"]).ShouldBe("REGISTRATION_STATUS_PENDING");
        ((string?)lapsed["expiryReason"]).ShouldBe("EXPIRY_REASON_HOLD_LAPSED");
        ((bool?)promoted["promotedFromWaitlist"], (string?)promoted["paymentIntentId"]).ShouldBe((true, Id(next)));
        ((string?)movedUp["status"], (int?)movedUp["waitlistPosition"]).ShouldBe(("REGISTRATION_STATUS_WAITLISTED", 1));
        // The promoted attendee can pay at once: their payment was opened with the promotion.
        var promotedIntent = await _driver.CreateIntentAsync(second, Id(next));
        ((string?)promotedIntent["status"]).ShouldBe("PAYMENT_INTENT_STATUS_REQUIRES_PAYMENT");
    }

    [Fact]
    public async Task Money_that_arrives_after_the_hold_lapsed_confirms_when_a_seat_is_still_free()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 2);
        var attendee = _driver.NewAttendee();
        var registration = await _driver.RegisterAsync(attendee, e.Id);
        var authentication = await AuthenticationStartedAsync(attendee, Id(registration));

        await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_EXPIRED", PaymentSystemFixture.HoldDuration * 3);
        await ApproveAtTheBankAsync(authentication);
        var confirmed = await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_CONFIRMED");

        ((string?)confirmed["expiryReason"], (string?)confirmed["statusReason"]).ShouldBe(("EXPIRY_REASON_UNSPECIFIED", ""), confirmed.ToJsonString());
        var refunds = await _driver.GetAsync(attendee, $"/payments/refunds?paymentIntentId={Id(registration)}");
        refunds["refunds"]?.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Money_that_arrives_after_the_seat_went_to_the_waitlist_is_refunded_in_full_and_says_so()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 1);
        var late = _driver.NewAttendee();
        var waiting = _driver.NewAttendee();
        var registration = await _driver.RegisterAsync(late, e.Id);
        var waitlisted = await _driver.RegisterAsync(waiting, e.Id);
        var authentication = await AuthenticationStartedAsync(late, Id(registration));

        await _driver.RegistrationWhenAsync(waiting, Id(waitlisted), "REGISTRATION_STATUS_PENDING", PaymentSystemFixture.HoldDuration * 3);
        await ApproveAtTheBankAsync(authentication);
        var refund = await _driver.WhenAsync(
            late, $"/payments/refunds?paymentIntentId={Id(registration)}", r => r["refunds"]?.AsArray().Count == 1, "the late payment's refund");
        var refunded = await _driver.WhenAsync(late, $"/registrations/{Id(registration)}", r => (long?)r["refundedAmount"]?["amountMinor"] > 0, "the refund to reach the registration");

        var only = refund["refunds"]!.AsArray().Single()!;
        ((string?)only["reason"], (long?)only["amount"]!["amountMinor"]).ShouldBe(("REFUND_REASON_LATE_PAYMENT", Price));
        ((string?)refunded["status"]).ShouldBe("REGISTRATION_STATUS_EXPIRED");
        ((string)refunded["statusReason"]!).ShouldContain("refunded in full");
        ((string?)(await _driver.GetAsync(waiting, $"/registrations/{Id(waitlisted)}"))["status"]).ShouldBe("REGISTRATION_STATUS_PENDING");
    }

    [Fact]
    public async Task Cancelling_a_paid_registration_before_the_refund_deadline_refunds_what_is_left_after_an_organizer_refund()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var (attendee, registration) = await _driver.PaidRegistrationAsync(e.Id);

        var goodwill = await _driver.PostAsync(organizerToken, "/payments/refunds", new
        {
            requestId = Guid.NewGuid().ToString(),
            paymentIntentId = Id(registration),
            amount = new { amountMinor = 900, currency = "EUR" },
            note = "Sorry for the queue.",
        });
        await _driver.WhenAsync(attendee, $"/registrations/{Id(registration)}", r => (long?)r["refundedAmount"]?["amountMinor"] == 900, "the goodwill refund");
        await _driver.PostAsync(attendee, $"/registrations/{Id(registration)}/cancel", new { reason = "Cannot come" });
        var refunded = await _driver.WhenAsync(
            attendee, $"/registrations/{Id(registration)}", r => (long?)r["refundedAmount"]?["amountMinor"] == Price, "the cancellation refund");
        var refunds = await _driver.GetAsync(organizerToken, $"/payments/refunds?eventId={e.Id}");

        ((string?)goodwill["reason"]).ShouldBe("REFUND_REASON_ORGANIZER_DECISION");
        refunds["refunds"]!.AsArray().Select(r => $"{r!["reason"]} {r["amount"]!["amountMinor"]} {r["status"]}").Order()
            .ShouldBe([$"REFUND_REASON_ATTENDEE_CANCELLED {Price - 900} REFUND_STATUS_SUCCEEDED", "REFUND_REASON_ORGANIZER_DECISION 900 REFUND_STATUS_SUCCEEDED"]);
        ((string?)refunded["status"]).ShouldBe("REGISTRATION_STATUS_CANCELLED");
    }

    [Fact]
    public async Task Cancelling_after_the_deadline_of_partial_terms_refunds_the_share_they_give()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(
            capacity: 5, RefundPolicy.PartialAfterDeadline, refundDeadline: DateTimeOffset.UtcNow.AddMinutes(-1), lateRefundPercent: 25);
        var (attendee, registration) = await _driver.PaidRegistrationAsync(e.Id);

        await _driver.PostAsync(attendee, $"/registrations/{Id(registration)}/cancel", new { reason = "Cannot come" });
        var refunded = await _driver.WhenAsync(
            attendee, $"/registrations/{Id(registration)}", r => (long?)r["refundedAmount"]?["amountMinor"] > 0, "the cancellation refund");
        var refunds = await _driver.GetAsync(organizerToken, $"/payments/refunds?eventId={e.Id}");

        ((long?)refunded["refundedAmount"]!["amountMinor"]).ShouldBe(Price / 4);
        refunds["refunds"]!.AsArray().Select(r => $"{r!["reason"]} {r["amount"]!["amountMinor"]} {r["status"]}")
            .ShouldBe([$"REFUND_REASON_ATTENDEE_CANCELLED {Price / 4} REFUND_STATUS_SUCCEEDED"]);
    }

    [Fact]
    public async Task Refunds_never_exceed_what_was_paid_and_only_the_organizer_refunds()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var (attendee, registration) = await _driver.PaidRegistrationAsync(e.Id);

        var tooMuch = await _driver.PostAsync(organizerToken, "/payments/refunds", new
        {
            requestId = Guid.NewGuid().ToString(), paymentIntentId = Id(registration), amount = new { amountMinor = Price + 1, currency = "EUR" },
        }, HttpStatusCode.BadRequest);
        var otherCurrency = await _driver.PostAsync(organizerToken, "/payments/refunds", new
        {
            requestId = Guid.NewGuid().ToString(), paymentIntentId = Id(registration), amount = new { amountMinor = 100, currency = "USD" },
        }, HttpStatusCode.BadRequest);
        await _driver.PostAsync(attendee, "/payments/refunds", new { requestId = Guid.NewGuid().ToString(), paymentIntentId = Id(registration) }, HttpStatusCode.Forbidden);

        ((string)tooMuch["message"]!).ShouldContain("RefundMustNotExceedWhatIsLeft");
        ((string)otherCurrency["message"]!).ShouldContain("amount.currency");
    }

    [Fact]
    public async Task Cancelling_the_event_refunds_every_paid_attendee_in_full_and_stops_unpaid_payments()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var (firstToken, first) = await _driver.PaidRegistrationAsync(e.Id);
        var (secondToken, second) = await _driver.PaidRegistrationAsync(e.Id);
        var unpaidToken = _driver.NewAttendee();
        var unpaid = await _driver.RegisterAsync(unpaidToken, e.Id);
        await _driver.CreateIntentAsync(unpaidToken, Id(unpaid));

        await _driver.Catalog.Client.CancelEventAsync(new CancelEventRequest { Id = e.Id, Reason = "Venue flooded" }, Bearer(organizerToken));
        var refunds = await _driver.WhenAsync(
            organizerToken, $"/payments/refunds?eventId={e.Id}",
            r => r["refunds"]?.AsArray().Count(x => (string?)x!["status"] == "REFUND_STATUS_SUCCEEDED") == 2, "both refunds");
        var stopped = await _driver.WhenAsync(
            unpaidToken, $"/payments/intents/{Id(unpaid)}", i => (string?)i["status"] == "PAYMENT_INTENT_STATUS_CANCELLED", "the unpaid payment to stop");

        refunds["refunds"]!.AsArray().Select(r => $"{r!["reason"]} {r["amount"]!["amountMinor"]} {r["note"]}")
            .ShouldBe(Enumerable.Repeat($"REFUND_REASON_EVENT_CANCELLED {Price} Venue flooded", 2));
        foreach (var (token, registration) in new[] { (firstToken, first), (secondToken, second) })
        {
            var cancelled = await _driver.WhenAsync(
                token, $"/registrations/{Id(registration)}", r => (long?)r["refundedAmount"]?["amountMinor"] == Price, "the refund to reach the registration");
            ((string?)cancelled["cancellationCause"]).ShouldBe("CANCELLATION_CAUSE_EVENT_CANCELLED");
        }

        ((string?)stopped["checkoutUrl"]).ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task A_payment_taken_while_the_payment_service_is_killed_confirms_the_registration_exactly_once_after_restart()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 5);
        var attendee = _driver.NewAttendee();
        var registration = await _driver.RegisterAsync(attendee, e.Id);
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));

        // kill -9: nothing of what follows is committed by payment; the provider takes the money anyway (the
        // attendee's browser pays it directly) and its webhooks find the BFF answering 503.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await system.App.KillAsync("payment", patience.Token);
        await _driver.PayAtProviderAsync(intent);
        await system.App.StartAgainAsync("payment", patience.Token);
        var confirmed = await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_CONFIRMED");

        ((string?)(await _driver.GetAsync(attendee, $"/payments/intents/{Id(intent)}"))["status"]).ShouldBe("PAYMENT_INTENT_STATUS_SUCCEEDED");
        (await OutboxCountAsync("eventplatform.payment.v1.PaymentSucceeded", Id(registration))).ShouldBe(1);
        ((string?)confirmed["confirmTime"]).ShouldNotBeNull();
    }

    /// <summary>Confirms with the card that needs the bank's confirmation: the payment waits at the bank's page.</summary>
    private async Task<string> AuthenticationStartedAsync(string attendee, string registrationId)
    {
        var intent = await _driver.CreateIntentAsync(attendee, registrationId);
        var processing = await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_authenticationRequired");
        ((string?)processing["status"]).ShouldBe("PAYMENT_INTENT_STATUS_PROCESSING");
        return (string)processing["nextActionUrl"]!;
    }

    /// <summary>The attendee approves at the bank's page, as their browser would post its form.</summary>
    private async Task ApproveAtTheBankAsync(string authenticationUrl)
    {
        using var response = await _browser.PostAsync(authenticationUrl, new FormUrlEncodedContent([new("result", "approve")]));
        ((int)response.StatusCode).ShouldBeLessThan(400);
    }

    private async Task<long> OutboxCountAsync(string type, string registrationId)
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString("paymentdb"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE type = @type AND subject = @subject", connection);
        count.Parameters.AddWithValue("type", type);
        count.Parameters.AddWithValue("subject", registrationId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
