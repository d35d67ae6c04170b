using System.Text.Json.Nodes;
using EventPlatform.Testing;
using EventPlatform.Tests.Notification;
using EventPlatform.Tests.Payment;
using Npgsql;

namespace EventPlatform.Tests.EndToEnd.Soak;

/// <summary>
/// What must hold across the services once traffic stops and events are handled, each side read from the service that
/// owns it: seats from registration, money from payment, documents from billing, emails from the mail sink, figures from
/// analytics. Each broken invariant is one line saying what differs.
/// </summary>
internal sealed class GlobalInvariants(TestPlatform app, PaymentDriver driver, string organizerToken, string organizerId, MailSink mail)
{
    public async Task<IReadOnlyList<string>> BrokenAsync(string eventId, IReadOnlyCollection<SoakAttendee> attendees, bool checkMail)
    {
        var broken = new List<string>();
        var registrations = await RowsAsync("registrationdb",
            "SELECT id::text, status FROM registrations WHERE event_id = @e", eventId, r => (Id: r.GetString(0), Status: r.GetString(1)));
        var capacity = (await RowsAsync("registrationdb", "SELECT capacity FROM capacity_policies WHERE event_id = @e", eventId, r => r.GetInt32(0))).Single();
        var payments = await RowsAsync("paymentdb",
            "SELECT id::text, amount_minor FROM payment_intents WHERE event_id = @e AND status = 'Succeeded'", eventId, r => (Id: r.GetString(0), Minor: r.GetInt64(1)));
        var refunds = await RowsAsync("paymentdb",
            "SELECT registration_id::text, amount_minor FROM refunds WHERE event_id = @e AND status = 'Succeeded'", eventId, r => (Id: r.GetString(0), Minor: r.GetInt64(1)));
        var invoices = await DocumentsAsync($"/invoices?organizerId={organizerId}&eventId={eventId}", "invoices");
        var creditNotes = await DocumentsAsync($"/credit-notes?organizerId={organizerId}&eventId={eventId}", "creditNotes");
        var figures = await driver.GetAsync(organizerToken, $"/analytics/events/{eventId}");

        int Count(string status) => registrations.Count(r => r.Status == status);
        var seated = Count("Confirmed") + Count("Pending");
        Check(broken, "seats taken (confirmed and holding) within capacity", seated <= capacity, $"{seated} > {capacity}");

        // Every payment that confirmed a registration has one invoice; a payment that came too late is refunded, not invoiced.
        var everConfirmed = registrations.Where(r => r.Status is "Confirmed" or "Cancelled").Select(r => r.Id).ToHashSet();
        var paidAndConfirmed = payments.Select(p => p.Id).Where(everConfirmed.Contains).Order().ToList();
        Check(broken, "one invoice per paid confirmation", invoices.Select(i => i.RegistrationId).Order().SequenceEqual(paidAndConfirmed),
            $"{invoices.Count} invoice(s) for {paidAndConfirmed.Count} paid confirmation(s)");
        var invoiced = invoices.Select(i => i.RegistrationId).ToHashSet();
        var refundsOfInvoiced = refunds.Where(r => invoiced.Contains(r.Id)).OrderBy(r => r.Id).ToList();
        Check(broken, "one credit note per refund of an invoiced payment, of its amount",
            creditNotes.OrderBy(c => c.RegistrationId).Select(c => (c.RegistrationId, c.Minor)).SequenceEqual(refundsOfInvoiced),
            $"{creditNotes.Count} credit note(s) for {refundsOfInvoiced.Count} refund(s)");

        var expected = $"requested {registrations.Count} confirmed {Count("Confirmed")} pending {Count("Pending")} waitlisted {Count("Waitlisted")} "
            + $"cancelled {Count("Cancelled")} expired {Count("Expired")} paid {payments.Count} gross {payments.Sum(p => p.Minor)} "
            + $"refunded {refunds.Sum(r => r.Minor)} invoiced {invoices.Sum(i => i.Minor)} credited {creditNotes.Sum(c => c.Minor)}";
        var reported = Summary(figures);
        Check(broken, "statistics equal the sums recomputed from the services' own data", reported == expected, $"analytics: {reported}; sources: {expected}");

        if (checkMail)
        {
            await CheckMailAsync(broken, attendees, registrations.ToDictionary(r => r.Id, r => r.Status), invoiced);
        }

        return broken;
    }

    /// <summary>Every person gets one email per thing that happened to them, and a paid confirmation carries its invoice.</summary>
    private async Task CheckMailAsync(
        List<string> broken, IReadOnlyCollection<SoakAttendee> attendees, Dictionary<string, string> statuses, HashSet<string> invoiced)
    {
        var mails = (await mail.AllAsync()).ToLookup(m => m.To, StringComparer.OrdinalIgnoreCase);
        foreach (var who in attendees)
        {
            var theirs = mails[who.Email].ToList();
            foreach (var twice in theirs.GroupBy(m => m.Subject).Where(g => g.Count() > 1))
            {
                broken.Add($"one email per trigger and recipient: {who.Email} got \"{twice.Key}\" {twice.Count()} times");
            }

            var status = statuses.GetValueOrDefault(who.RegistrationId, "missing");
            if (status == "Confirmed" && theirs.Count == 0)
            {
                broken.Add($"a confirmation email: none to {who.Email}, confirmed");
            }

            if (invoiced.Contains(who.RegistrationId) && !theirs.Any(m => m.Attachments.Any(a => a.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))))
            {
                broken.Add($"the invoice PDF by email: none to {who.Email}, invoiced");
            }
        }
    }

    private async Task<List<(string RegistrationId, long Minor)>> DocumentsAsync(string path, string field)
    {
        var documents = new List<(string, long)>();
        var pageToken = "";
        do
        {
            var page = await driver.GetAsync(organizerToken, $"{path}&pageSize=100&pageToken={Uri.EscapeDataString(pageToken)}");
            documents.AddRange(page[field]!.AsArray().Select(d => ((string)d!["registrationId"]!, (long)d["grossTotal"]!["amountMinor"]!)));
            pageToken = (string?)page["nextPageToken"] ?? "";
        }
        while (pageToken.Length > 0);
        return documents;
    }

    private async Task<List<T>> RowsAsync<T>(string database, string sql, string eventId, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(app.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("e", Guid.Parse(eventId));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static void Check(List<string> broken, string invariant, bool holds, string otherwise)
    {
        if (!holds)
        {
            broken.Add($"{invariant}: {otherwise}");
        }
    }

    private static string Summary(JsonNode f)
    {
        long Minor(string field) => (long?)f[field]?["amountMinor"] ?? 0;
        int Count(string field) => (int?)f[field] ?? 0;
        return $"requested {Count("requestedCount")} confirmed {Count("confirmedCount")} pending {Count("pendingCount")} waitlisted {Count("waitlistedCount")} "
            + $"cancelled {Count("cancelledCount")} expired {Count("expiredCount")} paid {Count("paymentsSucceededCount")} gross {Minor("grossRevenue")} "
            + $"refunded {Minor("refundedAmount")} invoiced {Minor("invoicedAmount")} credited {Minor("creditedAmount")}";
    }
}
