using Google.Rpc;
using Grpc.Core;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>What a failed call tells its caller: the status and, for a broken rule, the rule's name.</summary>
internal static class Failures
{
    public static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Should.ThrowAsync<RpcException>(call.ResponseAsync);

    public static async Task ShouldFailAsync<T>(this AsyncUnaryCall<T> call, StatusCode code)
    {
        var failure = await FailsAsync(call);
        failure.StatusCode.ShouldBe(code, failure.Status.Detail);
    }

    public static async Task<IReadOnlyList<string>> ShouldBeBadInputAsync<T>(this AsyncUnaryCall<T> call)
    {
        var failure = await FailsAsync(call);
        failure.StatusCode.ShouldBe(StatusCode.InvalidArgument, failure.Status.Detail);
        return failure.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
    }
}
