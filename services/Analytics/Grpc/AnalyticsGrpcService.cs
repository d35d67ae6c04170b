using System.Text;
using EventPlatform.Analytics.Application;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Paging;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Analytics.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Analytics.Grpc;

public sealed class AnalyticsGrpcService(StatisticsQueries queries, StatisticsRebuild rebuild) : Proto.AnalyticsService.AnalyticsServiceBase
{
    public override async Task<Proto.EventStatistics> GetEventStatistics(Proto.GetEventStatisticsRequest request, ServerCallContext context) =>
        ToContract(await queries.EventAsync(RequestFields.Uuid(request.EventId, "event_id", "an event id"), Caller(context), context.CancellationToken));

    public override async Task<Proto.OrganizerStatistics> GetOrganizerStatistics(Proto.GetOrganizerStatisticsRequest request, ServerCallContext context)
    {
        var (from, to) = Period(request.OrganizerId, request.StartTime, request.EndTime);
        var o = await queries.OrganizerAsync(request.OrganizerId, from, to, Caller(context), context.CancellationToken);
        return new Proto.OrganizerStatistics
        {
            OrganizerId = o.OrganizerId,
            StartTime = request.StartTime,
            EndTime = request.EndTime,
            EventCount = o.EventCount,
            PublishedEventCount = o.PublishedEventCount,
            CancelledEventCount = o.CancelledEventCount,
            ConfirmedCount = o.Confirmed,
            CancelledRegistrationCount = o.CancelledRegistrations,
            AverageFillRateBasisPoints = o.AverageFillRateBasisPoints,
            Revenue = { o.Revenue.Select(r => new Proto.RevenueTotals { GrossRevenue = Money(r.Gross), RefundedAmount = Money(r.Refunded), NetRevenue = Money(r.Net) }) },
            UpdateTime = Timestamp.FromDateTimeOffset(o.UpdateTime),
        };
    }

    public override async Task<Proto.ListEventStatisticsResponse> ListEventStatistics(Proto.ListEventStatisticsRequest request, ServerCallContext context)
    {
        var (from, to) = Period(request.OrganizerId, request.StartTime, request.EndTime);
        var input = new InputValidation();
        var page = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var found = await queries.EventsOfAsync(request.OrganizerId, from, to, page!, Caller(context), context.CancellationToken);
        return new Proto.ListEventStatisticsResponse { EventStatistics = { found.Items.Select(ToContract) }, NextPageToken = found.NextPageToken ?? "" };
    }

    public override async Task<HttpBody> ExportEventStatistics(Proto.GetEventStatisticsRequest request, ServerCallContext context)
    {
        var f = await queries.EventAsync(RequestFields.Uuid(request.EventId, "event_id", "an event id"), Caller(context), context.CancellationToken);
        return Csv(StatisticsCsv.OfEvent(f));
    }

    public override async Task<HttpBody> ExportOrganizerStatistics(Proto.GetOrganizerStatisticsRequest request, ServerCallContext context)
    {
        var (from, to) = Period(request.OrganizerId, request.StartTime, request.EndTime);
        var all = new List<EventFigures>();
        var page = PageRequest.Of(100, null);
        while (true)
        {
            var found = await queries.EventsOfAsync(request.OrganizerId, from, to, page, Caller(context), context.CancellationToken);
            all.AddRange(found.Items);
            if (found.NextPageToken is not { Length: > 0 } next)
            {
                break;
            }

            page = PageRequest.Of(100, next);
        }

        return Csv(StatisticsCsv.OfEvents(all));
    }

    public override async Task<Proto.RebuildStatisticsResponse> RebuildStatistics(Proto.RebuildStatisticsRequest request, ServerCallContext context)
    {
        if (!Caller(context).IsAdmin)
        {
            throw new PermissionDeniedException("Only an admin rebuilds the statistics.");
        }

        return new Proto.RebuildStatisticsResponse { ReplayedEventCount = await rebuild.RunAsync(context.CancellationToken) };
    }

    private static HttpBody Csv(string csv) => new() { ContentType = "text/csv; charset=utf-8", Data = ByteString.CopyFrom(csv, Encoding.UTF8) };

    private static (DateTimeOffset? From, DateTimeOffset? To) Period(string organizerId, Timestamp? start, Timestamp? end)
    {
        var input = new InputValidation();
        if (organizerId.Length == 0)
        {
            input.Add("organizer_id", "The organizer whose statistics are read.");
        }
        else
        {
            RequestFields.OptionalUuid(organizerId, "organizer_id", "an organizer id", input);
        }

        if (start is not null && end is not null && end.ToDateTimeOffset() <= start.ToDateTimeOffset())
        {
            input.Add("end_time", "After start_time.");
        }

        input.ThrowIfInvalid();
        return (start?.ToDateTimeOffset(), end?.ToDateTimeOffset());
    }

    private static Caller Caller(ServerCallContext context)
    {
        var caller = ServiceDefaults.Identity.CallerContext.Caller(context);
        return new Caller(caller.Subject, caller.IsAdmin);
    }

    private static ProtoCommon.Money Money(Amount amount) => new() { AmountMinor = amount.Minor, Currency = amount.Currency };

    private static Proto.EventStatistics ToContract(EventFigures f) => new()
    {
        EventId = f.EventId.ToString(),
        OrganizerId = f.OrganizerId,
        Title = f.Title,
        StartTime = Timestamp.FromDateTimeOffset(f.StartTime),
        TimeZone = f.TimeZone,
        Capacity = f.Capacity,
        ConfirmedCount = f.Confirmed,
        PendingCount = f.Pending,
        WaitlistedCount = f.Waitlisted,
        AwaitingApprovalCount = f.AwaitingApproval,
        RequestedCount = f.Requested,
        CancelledCount = f.Cancelled,
        ExpiredCount = f.Expired,
        RejectedCount = f.Rejected,
        PromotedCount = f.Promoted,
        PaymentsSucceededCount = f.PaymentsSucceeded,
        PaymentsFailedCount = f.PaymentsFailed,
        FillRateBasisPoints = f.FillRateBasisPoints,
        ConversionBasisPoints = f.ConversionBasisPoints,
        GrossRevenue = Money(f.Gross),
        RefundedAmount = Money(f.Refunded),
        NetRevenue = Money(f.Net),
        InvoicedAmount = Money(f.Invoiced),
        CreditedAmount = Money(f.Credited),
        InvoicedNetAmount = Money(f.InvoicedNet),
        CreditedNetAmount = Money(f.CreditedNet),
        Daily =
        {
            f.Daily.Select(d => new Proto.DailyStatistics
            {
                Date = new Google.Type.Date { Year = d.Date.Year, Month = d.Date.Month, Day = d.Date.Day },
                RegistrationsRequested = d.Requested,
                RegistrationsConfirmed = d.Confirmed,
                RegistrationsCancelled = d.Cancelled,
                GrossRevenue = Money(d.Gross),
                RefundedAmount = Money(d.Refunded),
            }),
        },
        UpdateTime = Timestamp.FromDateTimeOffset(f.UpdateTime),
    };
}
