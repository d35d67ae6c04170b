using EventPlatform.ServiceDefaults.Identity;
using Grpc.Core;

namespace EventPlatform.Program.Grpc;

internal static class CallerContext
{
    /// <summary>The authenticated caller, or UNAUTHENTICATED.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        ServiceDefaults.Identity.Caller.From(context.GetHttpContext().User);

    /// <summary>The caller if the call carried a valid token; anonymous readers get null.</summary>
    public static Caller? CallerIfAny(this ServerCallContext context) =>
        ServiceDefaults.Identity.Caller.TryFrom(context.GetHttpContext().User);
}
