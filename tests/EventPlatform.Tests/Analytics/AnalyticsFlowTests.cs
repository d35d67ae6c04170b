using System.Net;
using System.Text.Json.Nodes;
using EventPlatform.Analytics.Application;
using EventPlatform.Analytics.Infrastructure;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Messaging;
using EventPlatform.Tests.Payment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.Analytics;

/// <summary>
/// A scripted season of one organizer — a paid event with a waitlist and a refund, a free one with approval, a paid one
/// cancelled — read back as statistics through the BFF, replayed twice over and shuffled, checked against the source
/// services, and rebuilt.
/// </summary>
[Collection(PaymentSystemCollection.Name)]
public sealed class AnalyticsFlowTests(PaymentSystemFixture system)
{
    private readonly PaymentDriver _driver = new(system);

    [Fact]
    public async Task A_scripted_season_gives_exact_figures_also_replayed_twice_shuffled_agreeing_with_the_sources_and_after_a_rebuild()
    {
        var (organizerToken, organizer) = await _driver.Catalog.NewOrganizerAsync();
        var paid = await EventAsync(organizerToken, organizer.Id, "Paid Season", capacity: 2, price: true);
        var approved = await EventAsync(organizerToken, organizer.Id, "Approval Season", capacity: 10, price: false, approval: true);
        var cancelled = await EventAsync(organizerToken, organizer.Id, "Cancelled Season", capacity: 5, price: true);

        // Paid: two pay, two wait; one payer cancels (refunded), the first waiting is promoted and pays; the other leaves.
        var (a1, _) = await _driver.PaidRegistrationAsync(paid.Id);
        var (a2, r2) = await _driver.PaidRegistrationAsync(paid.Id);
        var a3 = _driver.NewAttendee();
        var r3 = await _driver.RegisterAsync(a3, paid.Id);
        var a4 = _driver.NewAttendee();
        var r4 = await _driver.RegisterAsync(a4, paid.Id);
        await _driver.PostAsync(a2, $"/registrations/{Id(r2)}/cancel", new { reason = "Cannot come" });
        await _driver.WhenAsync(
            a3, $"/registrations/{Id(r3)}", r => (string?)r["status"] == "REGISTRATION_STATUS_PENDING" && (string?)r["paymentIntentId"] is { Length: > 0 },
            "the promotion, with its payment opened");
        var intent = await _driver.CreateIntentAsync(a3, Id(r3));
        await _driver.ConfirmAsync(a3, Id(intent), "pm_card_visa");
        await _driver.RegistrationWhenAsync(a3, Id(r3), "REGISTRATION_STATUS_CONFIRMED");
        await _driver.PostAsync(a4, $"/registrations/{Id(r4)}/cancel", new { });
        // Approval: one approved, one rejected.
        var b1 = _driver.NewAttendee();
        var rb1 = await _driver.RegisterAsync(b1, approved.Id);
        var b2 = _driver.NewAttendee();
        var rb2 = await _driver.RegisterAsync(b2, approved.Id);
        await _driver.PostAsync(organizerToken, $"/registrations/{Id(rb1)}/approve", new { });
        await _driver.PostAsync(organizerToken, $"/registrations/{Id(rb2)}/reject", new { reason = "Full of speakers" });
        // Cancelled: one paid, one still paying, then the organizer cancels the event.
        var (c1, rc1) = await _driver.PaidRegistrationAsync(cancelled.Id);
        await _driver.RegisterAsync(_driver.NewAttendee(), cancelled.Id);
        await _driver.PostAsync(organizerToken, $"/events/{cancelled.Id}/cancel", new { reason = "Venue flooded" });
        await _driver.WhenAsync(c1, $"/registrations/{Id(rc1)}", r => (long?)r["refundedAmount"]?["amountMinor"] == Price, "the event's refund");

        var paidFigures = await FiguresWhenAsync(organizerToken, paid.Id, f => (int?)f["confirmedCount"] == 2 && (int?)f["cancelledCount"] == 2
            && (long?)f["creditedAmount"]?["amountMinor"] == Price && (long?)f["invoicedAmount"]?["amountMinor"] == 3 * Price);
        var approvalFigures = await FiguresWhenAsync(organizerToken, approved.Id, f => (int?)f["rejectedCount"] == 1 && (int?)f["confirmedCount"] == 1);
        var cancelledFigures = await FiguresWhenAsync(organizerToken, cancelled.Id, f => (int?)f["cancelledCount"] == 2
            && (long?)f["refundedAmount"]?["amountMinor"] == Price && (long?)f["creditedAmount"]?["amountMinor"] == Price);

        Summary(paidFigures).ShouldBe("requested 4 confirmed 2 pending 0 waitlisted 0 awaiting 0 cancelled 2 expired 0 rejected 0 promoted 1 "
            + $"paid 3 failed 0 fill 10000 conversion 7500 gross {3 * Price} refunded {Price} net {2 * Price} invoiced {3 * Price} credited {Price}");
        Summary(approvalFigures).ShouldBe("requested 2 confirmed 1 pending 0 waitlisted 0 awaiting 0 cancelled 0 expired 0 rejected 1 promoted 0 "
            + "paid 0 failed 0 fill 1000 conversion 5000 gross 0 refunded 0 net 0 invoiced 0 credited 0");
        Summary(cancelledFigures).ShouldBe("requested 2 confirmed 0 pending 0 waitlisted 0 awaiting 0 cancelled 2 expired 0 rejected 0 promoted 0 "
            + $"paid 1 failed 0 fill 0 conversion 5000 gross {Price} refunded {Price} net 0 invoiced {Price} credited {Price}");
        var daily = paidFigures["daily"]!.AsArray();
        (daily.Sum(d => (int?)d!["registrationsRequested"] ?? 0), daily.Sum(d => (int?)d!["registrationsConfirmed"] ?? 0),
            daily.Sum(d => (int?)d!["registrationsCancelled"] ?? 0), daily.Sum(d => (long?)d!["grossRevenue"]?["amountMinor"] ?? 0)).ShouldBe((4, 3, 2, 3 * Price));
        var season = await _driver.GetAsync(organizerToken, $"/analytics/organizers/{organizer.Id}");
        ((int?)season["eventCount"], (int?)season["cancelledEventCount"], (int?)season["confirmedCount"], (int?)season["cancelledRegistrationCount"])
            .ShouldBe((3, 1, 3, 4));
        var revenue = season["revenue"]!.AsArray().ShouldHaveSingleItem()!;
        ((long?)revenue["grossRevenue"]!["amountMinor"], (long?)revenue["refundedAmount"]!["amountMinor"], (long?)revenue["netRevenue"]!["amountMinor"])
            .ShouldBe((4 * Price, 2 * Price, 2 * Price));
        using var stranger = _driver.Catalog.BffAs(_driver.NewAttendee());
        (await stranger.GetAsync($"/analytics/events/{paid.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var organizerHttp = _driver.Catalog.BffAs(organizerToken);
        var csv = await organizerHttp.GetStringAsync($"/analytics/organizers/{organizer.Id}/export.csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);

        // The figures agree with the source services' own data.
        var counts = await new RegistrationInternalService.RegistrationInternalServiceClient(system.GrpcChannel("registration"))
            .GetSeatCountsAsync(new GetSeatCountsRequest { EventId = paid.Id }, EventPlatform.Tests.Catalog.CatalogDriver.Bearer(system.App.CreateServiceToken("analytics")));
        var invoices = await _driver.GetAsync(organizerToken, $"/invoices?organizerId={organizer.Id}&pageSize=100");
        var creditNotes = await _driver.GetAsync(organizerToken, $"/credit-notes?organizerId={organizer.Id}&pageSize=100");
        ((int?)paidFigures["confirmedCount"], (int?)paidFigures["capacity"]).ShouldBe((counts.ConfirmedCount, counts.Capacity));
        var invoicedBySource = invoices["invoices"]!.AsArray().Sum(i => (long)i!["grossTotal"]!["amountMinor"]!);
        var creditedBySource = creditNotes["creditNotes"]!.AsArray().Sum(c => (long)c!["grossTotal"]!["amountMinor"]!);
        new[] { paidFigures, approvalFigures, cancelledFigures }.Sum(f => (long?)f["invoicedAmount"]?["amountMinor"] ?? 0).ShouldBe(invoicedBySource);
        new[] { paidFigures, approvalFigures, cancelledFigures }.Sum(f => (long?)f["creditedAmount"]?["amountMinor"] ?? 0).ShouldBe(creditedBySource);

        // Every integration event analytics applied, delivered twice and shuffled into a fresh analytics: same figures.
        var journal = await JournalAsync();
        await using (var replay = await AnalyticsHost.StartAsync(system.App))
        {
            var twiceShuffled = journal.Concat(journal).OrderBy(_ => Random.Shared.Next()).ToList();
            await replay.InScopeAsync(async s =>
            {
                var projector = s.GetRequiredService<Projector>();
                foreach (var (type, payload) in twiceShuffled)
                {
                    await projector.ApplyAsync(Projector.Parsers[type].ParseFrom(payload), CancellationToken.None);
                    await s.GetRequiredService<AnalyticsDbContext>().SaveChangesAsync();
                }

                return true;
            });
            var admin = new EventPlatform.Analytics.Application.Caller("admin", IsAdmin: true);
            foreach (var (e, expected) in new[] { (paid, paidFigures), (approved, approvalFigures), (cancelled, cancelledFigures) })
            {
                var replayed = await replay.InScopeAsync(s => s.GetRequiredService<StatisticsQueries>().EventAsync(Guid.Parse(e.Id), admin, CancellationToken.None));
                Summary(replayed).ShouldBe(Summary(expected), e.Title);
            }
        }

        // A rebuild from the journal gives the same figures.
        var adminToken = _driver.Catalog.TokenFor("analytics-admin", CallerRole.Admin);
        var rebuilt = await _driver.PostAsync(adminToken, "/analytics/rebuild", new { });
        ((int?)rebuilt["replayedEventCount"]).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(journal.Count);
        Summary(await _driver.GetAsync(organizerToken, $"/analytics/events/{paid.Id}")).ShouldBe(Summary(paidFigures));
        Summary(await _driver.GetAsync(organizerToken, $"/analytics/events/{cancelled.Id}")).ShouldBe(Summary(cancelledFigures));
        await _driver.PostAsync(organizerToken, "/analytics/rebuild", new { }, HttpStatusCode.Forbidden);
    }

    private async Task<Event> EventAsync(string token, string organizerId, string title, int capacity, bool price, bool approval = false)
    {
        var request = NewEventRequest(organizerId, title, capacity: capacity);
        request.WaitlistEnabled = true;
        request.ApprovalRequired = approval;
        if (price)
        {
            request.Price = new Contracts.Common.V1.Money { AmountMinor = Price, Currency = "EUR" };
            request.RefundPolicy = RefundPolicy.FullUntilDeadline;
        }

        var draft = await _driver.Catalog.Client.CreateEventAsync(request, Bearer(token));
        return await _driver.Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, Bearer(token));
    }

    private Task<JsonNode> FiguresWhenAsync(string token, string eventId, Func<JsonNode, bool> settled) =>
        _driver.WhenAsync(token, $"/analytics/events/{eventId}", settled, $"the statistics of {eventId} to settle");

    private async Task<List<(string Type, byte[] Payload)>> JournalAsync()
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString("analyticsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type, payload FROM journal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, byte[])>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), (byte[])reader[1]));
        }

        return entries;
    }

    private static string Summary(JsonNode f)
    {
        long Minor(string field) => (long?)f[field]?["amountMinor"] ?? 0;
        int Count(string field) => (int?)f[field] ?? 0;
        return $"requested {Count("requestedCount")} confirmed {Count("confirmedCount")} pending {Count("pendingCount")} waitlisted {Count("waitlistedCount")} "
            + $"awaiting {Count("awaitingApprovalCount")} cancelled {Count("cancelledCount")} expired {Count("expiredCount")} rejected {Count("rejectedCount")} "
            + $"promoted {Count("promotedCount")} paid {Count("paymentsSucceededCount")} failed {Count("paymentsFailedCount")} "
            + $"fill {Count("fillRateBasisPoints")} conversion {Count("conversionBasisPoints")} gross {Minor("grossRevenue")} refunded {Minor("refundedAmount")} "
            + $"net {Minor("netRevenue")} invoiced {Minor("invoicedAmount")} credited {Minor("creditedAmount")}";
    }

    private static string Summary(EventFigures f) =>
        $"requested {f.Requested} confirmed {f.Confirmed} pending {f.Pending} waitlisted {f.Waitlisted} awaiting {f.AwaitingApproval} cancelled {f.Cancelled} "
        + $"expired {f.Expired} rejected {f.Rejected} promoted {f.Promoted} paid {f.PaymentsSucceeded} failed {f.PaymentsFailed} fill {f.FillRateBasisPoints} "
        + $"conversion {f.ConversionBasisPoints} gross {f.Gross.Minor} refunded {f.Refunded.Minor} net {f.Net.Minor} invoiced {f.Invoiced.Minor} credited {f.Credited.Minor}";
}
