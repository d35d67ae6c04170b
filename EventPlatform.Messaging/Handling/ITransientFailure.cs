namespace EventPlatform.Messaging.Handling;

/// <summary>
/// Tells a failure that passes by itself (a service the handler calls is restarting, its database fails over) from a
/// failure of the message. A handler failing transiently is retried with backoff for as long as it takes and never
/// dead-lettered for it; other failures count towards <c>Messaging:Consumer:MaxDeliveryAttempts</c>. The bus knows the
/// failures of its own dependencies (PostgreSQL, Redis, timeouts); register one of these for any other.
/// </summary>
public interface ITransientFailure
{
    bool IsTransient(Exception exception);
}
