namespace EventPlatform.Analytics.Application;

/// <summary>Who calls, reduced to what analytics decides on.</summary>
public sealed record Caller(string Subject, bool IsAdmin);

public sealed record Amount(long Minor, string Currency);

public sealed record DayFigures(DateOnly Date, int Requested, int Confirmed, int Cancelled, Amount Gross, Amount Refunded);

/// <summary>One event's figures, computed from the facts when asked.</summary>
public sealed record EventFigures(
    Guid EventId, string OrganizerId, string Title, DateTimeOffset StartTime, string TimeZone, int Capacity,
    int Confirmed, int Pending, int Waitlisted, int AwaitingApproval,
    int Requested, int Cancelled, int Expired, int Rejected, int Promoted, int PaymentsSucceeded, int PaymentsFailed,
    int FillRateBasisPoints, int ConversionBasisPoints, Amount Gross, Amount Refunded, Amount Net, Amount Invoiced, Amount Credited,
    Amount InvoicedNet, Amount CreditedNet, IReadOnlyList<DayFigures> Daily, DateTimeOffset UpdateTime);

public sealed record RevenueFigures(Amount Gross, Amount Refunded, Amount Net);

public sealed record OrganizerFigures(
    string OrganizerId, DateTimeOffset? From, DateTimeOffset? To, int EventCount, int PublishedEventCount, int CancelledEventCount,
    int Confirmed, int CancelledRegistrations, int AverageFillRateBasisPoints, IReadOnlyList<RevenueFigures> Revenue, DateTimeOffset UpdateTime);
