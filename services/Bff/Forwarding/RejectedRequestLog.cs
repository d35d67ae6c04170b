using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Bff.Forwarding;

/// <summary>
/// Bad input is logged once, as one line without a stack trace, by whoever turns it away: a service logs what it
/// rejects (ErrorMappingInterceptor); the BFF logs what never reaches one — a body or parameter that JSON transcoding
/// cannot read as the contract's message. gRPC's own line for those carries a stack trace and is filtered out.
/// </summary>
internal sealed partial class RejectedRequestLog(RequestDelegate next, ILogger<RejectedRequestLog> logger)
{
    private static readonly object Forwarded = new();

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge
                or StatusCodes.Status415UnsupportedMediaType
            && !context.Items.ContainsKey(Forwarded))
        {
            // The route's pattern, never the path or the body: those are the caller's, of any length.
            Rejected(logger, context.Request.Method, context.GetEndpoint()?.DisplayName ?? "no route", context.Response.StatusCode);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Rejected {Method} {Endpoint} with {Status}: its body or parameters are not the contract's JSON.")]
    private static partial void Rejected(ILogger logger, string method, string endpoint, int status);

    /// <summary>Marks a call that reached its forwarder: a service answers for it, and logs it if it rejects it.</summary>
    public sealed class Mark : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            context.GetHttpContext().Items[Forwarded] = true;
            return continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(
            TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
            ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            context.GetHttpContext().Items[Forwarded] = true;
            return continuation(request, responseStream, context);
        }
    }
}
