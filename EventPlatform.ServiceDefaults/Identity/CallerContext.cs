using Grpc.Core;

namespace EventPlatform.ServiceDefaults.Identity;

public static class CallerContext
{
    /// <summary>The authenticated caller, or UNAUTHENTICATED.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        Identity.Caller.From(context.GetHttpContext().User);

    /// <summary>The caller if the call carried a valid token; anonymous readers get null.</summary>
    public static Caller? CallerIfAny(this ServerCallContext context) =>
        Identity.Caller.TryFrom(context.GetHttpContext().User);
}
