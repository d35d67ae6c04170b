using Grpc.Core;

namespace EventPlatform.Bff.Forwarding;

internal static class Forward
{
    /// <summary>
    /// Call options for the backend call: the caller's token, cancellation, and deadline when it set one (transcoded
    /// HTTP requests have none, and the client's default deadline applies).
    /// </summary>
    public static CallOptions Options(ServerCallContext context)
    {
        var headers = new Metadata();
        // The caller's identity travels on as the same signed token; each service authorizes on its own data.
        if (context.RequestHeaders.GetValue("authorization") is { } authorization)
        {
            headers.Add("authorization", authorization);
        }

        return new CallOptions(
            headers, context.Deadline == DateTime.MaxValue ? null : context.Deadline, context.CancellationToken);
    }
}
