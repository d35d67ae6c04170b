using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// Internal RPCs (those of an <c>…InternalService</c>) answer only the services their table names, each proving who it is
/// with its client-credentials token: PERMISSION_DENIED for a person's token, no token, or a service not in the table.
/// </summary>
internal sealed class InternalCallGuard(InternalCallers callers) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        // context.Method is "/package.Service/Method".
        var separator = context.Method.LastIndexOf('/');
        var service = context.Method[1..separator];
        if (!service.EndsWith("InternalService", StringComparison.Ordinal))
        {
            return;
        }

        var method = context.Method[(separator + 1)..];
        var caller = ServiceCaller.From(context.GetHttpContext().User);
        if (!callers.MayCall(method, caller))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, caller is null
                ? $"{method} is internal: only services may call it, with their client-credentials token."
                : $"The service '{caller}' may not call {method}."));
        }
    }
}
