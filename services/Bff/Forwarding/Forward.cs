using Grpc.Core;

namespace EventPlatform.Bff.Forwarding;

internal static class Forward
{
    /// <summary>
    /// Call options for the backend call: the caller's cancellation, and its deadline when it set one (transcoded
    /// HTTP requests have none, and the client's default deadline applies).
    /// </summary>
    public static CallOptions Options(ServerCallContext context) =>
        new(deadline: context.Deadline == DateTime.MaxValue ? null : context.Deadline, cancellationToken: context.CancellationToken);
}
