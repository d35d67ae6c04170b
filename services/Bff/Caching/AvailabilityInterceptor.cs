using EventPlatform.Contracts.Registration.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventPlatform.Bff.Caching;

/// <summary>Answers the public availability read at the edge from <see cref="AvailabilityCache"/>.</summary>
internal sealed class AvailabilityInterceptor(AvailabilityCache availability) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        request is GetEventAvailabilityRequest read
            ? (TResponse)(object)await availability.GetAsync(read.EventId, context.CancellationToken)
            : await continuation(request, context);
}
