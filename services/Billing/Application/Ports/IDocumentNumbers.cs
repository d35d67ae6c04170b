using EventPlatform.Billing.Domain.Documents;

namespace EventPlatform.Billing.Application.Ports;

/// <summary>
/// The next number of a series, taken inside the issuing transaction: it is consumed only if that transaction commits,
/// and concurrent issuers of one series (on any replica) wait for each other, so numbers have no gap and no duplicate.
/// </summary>
public interface IDocumentNumbers
{
    Task<int> NextAsync(string organizerId, DocumentKind kind, int year, CancellationToken cancellationToken);
}
