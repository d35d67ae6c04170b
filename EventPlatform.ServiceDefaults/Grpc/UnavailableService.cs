using EventPlatform.Messaging.Handling;
using Grpc.Core;

namespace EventPlatform.ServiceDefaults.Grpc;

/// <summary>
/// A call to another service that failed because that service is away (restarting, overloaded), not because of what
/// was asked: an event handler making it waits for the service to come back rather than dead-lettering the event.
/// </summary>
internal sealed class UnavailableService : ITransientFailure
{
    public bool IsTransient(Exception exception) => exception is RpcException
    {
        StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted,
    };
}
