using EventPlatform.Analytics.Domain.Facts;

namespace EventPlatform.Analytics.Application;

/// <summary>One event's figures from its facts. Days are in the event's time zone.</summary>
public static class EventFiguresCalculator
{
    public static EventFigures Compute(
        EventFact e, IReadOnlyList<RegistrationFact> registrations, IReadOnlyList<PaymentFact> payments, IReadOnlyList<RefundFact> refunds,
        IReadOnlyList<DocumentFact> documents, bool withDaily)
    {
        var currency = payments.Select(p => p.Currency).Concat(documents.Select(d => d.Currency)).Concat(refunds.Select(r => r.Currency))
            .FirstOrDefault(c => c.Length > 0) ?? "";
        int Count(RegistrationState state) => registrations.Count(r => r.State == state);
        var succeeded = payments.Where(p => p.Succeeded).ToList();
        var gross = succeeded.Sum(p => p.AmountMinor);
        var refunded = refunds.Sum(r => r.AmountMinor);
        var invoices = documents.Where(d => d.Kind == DocumentKind.Invoice).ToList();
        var creditNotes = documents.Where(d => d.Kind == DocumentKind.CreditNote).ToList();
        var confirmed = Count(RegistrationState.Confirmed);
        var converted = registrations.Count(r => r.ConfirmTime is not null);
        var updateTime = new[] { e.UpdateTime }
            .Concat(registrations.Select(r => r.UpdateTime)).Concat(payments.Select(p => p.Time)).Concat(refunds.Select(r => r.Time))
            .Concat(documents.Select(d => d.Time)).Max();
        return new EventFigures(
            e.EventId, e.OrganizerId, e.Title, e.StartTime, e.TimeZone, e.Capacity,
            confirmed, Count(RegistrationState.Pending), Count(RegistrationState.Waitlisted), Count(RegistrationState.AwaitingApproval),
            registrations.Count, Count(RegistrationState.Cancelled), Count(RegistrationState.Expired), Count(RegistrationState.Rejected),
            registrations.Count(r => r.PromotedFromWaitlist), succeeded.Count, payments.Count(p => p.FailedSeen && !p.Succeeded),
            e.Capacity == 0 ? 0 : (int)(confirmed * 10_000L / e.Capacity),
            registrations.Count == 0 ? 0 : (int)(converted * 10_000L / registrations.Count),
            new Amount(gross, currency), new Amount(refunded, currency), new Amount(gross - refunded, currency),
            new Amount(invoices.Sum(d => d.GrossMinor), currency), new Amount(creditNotes.Sum(d => d.GrossMinor), currency),
            new Amount(invoices.Sum(d => d.NetMinor), currency), new Amount(creditNotes.Sum(d => d.NetMinor), currency),
            withDaily ? Daily(e, registrations, succeeded, refunds, currency) : [],
            updateTime);
    }

    private static List<DayFigures> Daily(
        EventFact e, IReadOnlyList<RegistrationFact> registrations, IReadOnlyList<PaymentFact> payments, IReadOnlyList<RefundFact> refunds, string currency)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(e.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);
        var days = registrations.Select(r => Day(r.CreateTime))
            .Concat(registrations.Where(r => r.ConfirmTime is not null).Select(r => Day(r.ConfirmTime!.Value)))
            .Concat(registrations.Where(r => r.State == RegistrationState.Cancelled && r.CloseTime is not null).Select(r => Day(r.CloseTime!.Value)))
            .Concat(payments.Select(p => Day(p.Time))).Concat(refunds.Select(r => Day(r.Time)))
            .Distinct().Order();
        return days.Select(day => new DayFigures(
                day,
                registrations.Count(r => Day(r.CreateTime) == day),
                registrations.Count(r => r.ConfirmTime is { } t && Day(t) == day),
                registrations.Count(r => r.State == RegistrationState.Cancelled && r.CloseTime is { } t && Day(t) == day),
                new Amount(payments.Where(p => Day(p.Time) == day).Sum(p => p.AmountMinor), currency),
                new Amount(refunds.Where(r => Day(r.Time) == day).Sum(r => r.AmountMinor), currency)))
            .ToList();
    }
}
