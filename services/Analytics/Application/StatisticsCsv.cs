using System.Globalization;
using System.Text;
using EventPlatform.ServiceDefaults.Text;

namespace EventPlatform.Analytics.Application;

/// <summary>Figures as CSV (RFC 4180): amounts in minor units, rates in basis points, days in the event's time zone.</summary>
public static class StatisticsCsv
{
    public static string OfEvent(EventFigures f)
    {
        var csv = new StringBuilder("date,requested,confirmed,cancelled,gross_minor,refunded_minor,currency\r\n");
        foreach (var d in f.Daily)
        {
            csv.Append(Row(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Requested, d.Confirmed, d.Cancelled, d.Gross.Minor, d.Refunded.Minor, f.Gross.Currency));
        }

        return csv.Append(Row("TOTAL", f.Requested, f.Confirmed, f.Cancelled, f.Gross.Minor, f.Refunded.Minor, f.Gross.Currency)).ToString();
    }

    public static string OfEvents(IEnumerable<EventFigures> events)
    {
        var csv = new StringBuilder(
            "event_id,title,start_time,capacity,requested,confirmed,pending,waitlisted,cancelled,expired,rejected,fill_rate_basis_points,gross_minor,refunded_minor,net_minor,currency\r\n");
        foreach (var f in events)
        {
            csv.Append(Row(
                f.EventId, f.Title, f.StartTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), f.Capacity, f.Requested, f.Confirmed,
                f.Pending, f.Waitlisted, f.Cancelled, f.Expired, f.Rejected, f.FillRateBasisPoints, f.Gross.Minor, f.Refunded.Minor, f.Net.Minor,
                f.Gross.Currency));
        }

        return csv.ToString();
    }

    private static string Row(params object[] values) =>
        string.Join(',', values.Select(v => CsvField.Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))) + "\r\n";
}
