using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using EventPlatform.Tests.Payment;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.EndToEnd.Soak;

/// <summary>One person of the soak: who they are, the address their emails go to, and their registration.</summary>
internal sealed record SoakAttendee(string Token, string Email, string RegistrationId, string EventId, bool Paid);

/// <summary>
/// Mixed traffic as a crowd makes it, through the BFF's JSON API: free registrations, some cancelled; paid ones,
/// some paid after a declined card, some abandoned to expire, some cancelled and refunded; the waitlisted paying once
/// promoted; the event page, availability and program read; malformed requests. Every answer must be one the API
/// promises for it: anything else (a 5xx, a timeout) is a problem.
/// </summary>
internal sealed class SoakTraffic(PaymentDriver driver, string paidEventId, string freeEventId, string run)
{
    public const string Confirmed = "REGISTRATION_STATUS_CONFIRMED";
    private const string Pending = "REGISTRATION_STATUS_PENDING";
    private const string Waitlisted = "REGISTRATION_STATUS_WAITLISTED";
    private readonly ConcurrentQueue<SoakAttendee> _waiting = new();

    public ConcurrentBag<SoakAttendee> Attendees { get; } = [];

    public ConcurrentBag<string> Problems { get; } = [];

    public ConcurrentDictionary<string, int> Done { get; } = new();

    /// <summary>Workers in parallel until <paramref name="stop"/>, each finishing what it started.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkAsync(new Random(w), stop)));

    private async Task WorkAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var (what, act) = roll switch
            {
                < 30 => ("free registration", (Func<Task>)(() => FreeAsync(random))),
                < 70 => ("paid registration", () => PaidAsync(random)),
                < 92 => ("public read", () => ReadAsync(random)),
                _ => ("malformed request", MalformedAsync),
            };
            await TryAsync(what, act);
        }
    }

    private async Task TryAsync(string what, Func<Task> act)
    {
        try
        {
            await act();
            Done.AddOrUpdate(what, 1, (_, n) => n + 1);
        }
        catch (Exception e) when (e is ShouldAssertException or TimeoutException or HttpRequestException or TaskCanceledException)
        {
            Problems.Add($"{what}: {e.Message[..Math.Min(e.Message.Length, 600)]}");
        }
    }

    private async Task FreeAsync(Random random)
    {
        var attendee = await RegisterAsync(freeEventId, paid: false);
        if (attendee.Status == Confirmed && random.Next(100) < 30)
        {
            await CancelAsync(attendee.Who);
        }
    }

    private async Task PaidAsync(Random random)
    {
        var (who, status) = await RegisterAsync(paidEventId, paid: true);
        if (status == Waitlisted)
        {
            _waiting.Enqueue(who);
        }
        else if (status == Pending && random.Next(100) >= 8) // the others walk away: their hold expires
        {
            await PayAsync(who, declinedFirst: random.Next(100) < 15);
            if (random.Next(100) < 25)
            {
                await CancelAsync(who);
            }
        }
    }

    private async Task<(SoakAttendee Who, string Status)> RegisterAsync(string eventId, bool paid)
    {
        var token = driver.NewAttendee();
        var email = $"soak-{run}-{Guid.NewGuid():N}@example.org";
        var registration = await driver.RegisterAsync(token, eventId, email);
        var who = new SoakAttendee(token, email, Id(registration), eventId, paid);
        Attendees.Add(who);
        return (who, (string)registration["status"]!);
    }

    private async Task PayAsync(SoakAttendee who, bool declinedFirst)
    {
        var intent = await driver.CreateIntentAsync(who.Token, who.RegistrationId);
        if (declinedFirst)
        {
            await driver.ConfirmAsync(who.Token, Id(intent), "pm_card_chargeDeclined");
        }

        await driver.ConfirmAsync(who.Token, Id(intent), "pm_card_visa");
        await driver.RegistrationWhenAsync(who.Token, who.RegistrationId, Confirmed, TimeSpan.FromMinutes(2));
    }

    private Task CancelAsync(SoakAttendee who) =>
        driver.PostAsync(who.Token, $"/registrations/{who.RegistrationId}/cancel", new { reason = "Plans changed" });

    private async Task ReadAsync(Random random)
    {
        var eventId = random.Next(2) == 0 ? paidEventId : freeEventId;
        var path = random.Next(3) switch
        {
            0 => $"/events/{eventId}",
            1 => $"/events/{eventId}/availability",
            _ => $"/events/{eventId}/program",
        };
        // Anonymous, as a crowd refreshing the page reads it.
        await driver.GetAsync(null, path);
    }

    private Task MalformedAsync() =>
        driver.PostAsync(driver.NewAttendee(), "/registrations", new { requestId = Guid.NewGuid().ToString(), eventId = "not-an-event" }, HttpStatusCode.BadRequest);

    /// <summary>
    /// A waitlisted attendee of the paid event offered a seat (Pending, with its payment opened) pays, until
    /// <paramref name="settled"/>: left unpaid, each offer would expire only to pass to the next one.
    /// </summary>
    public async Task ServeThePromotedAsync(CancellationToken settled)
    {
        while (!settled.IsCancellationRequested)
        {
            var stillWaiting = new List<SoakAttendee>();
            while (_waiting.TryDequeue(out var who))
            {
                JsonNode registration;
                try
                {
                    registration = await driver.GetAsync(who.Token, $"/registrations/{who.RegistrationId}");
                }
                catch (ShouldAssertException e)
                {
                    Problems.Add($"reading a waitlisted registration: {e.Message[..Math.Min(e.Message.Length, 600)]}");
                    continue;
                }

                var status = (string?)registration["status"];
                if (status == Pending && (string?)registration["paymentIntentId"] is { Length: > 0 })
                {
                    await TryAsync("promoted and paid", () => PayAsync(who, declinedFirst: false));
                }
                else if (status is Waitlisted or Pending)
                {
                    // Still waiting, or offered a seat whose payment opens with the next sweep: asked again. Dropped, an
                    // offer would lapse unpaid and pass to the next in line, one hold duration after the other.
                    stillWaiting.Add(who);
                }
            }

            stillWaiting.ForEach(_waiting.Enqueue);
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }
}
