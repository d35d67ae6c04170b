using Grpc.Core;

namespace EventPlatform.Tests.Infrastructure;

public static class RpcFailures
{
    /// <summary>The broken rule's name, which services put in the status's ErrorInfo.</summary>
    public static string Reason(this RpcException failure) => failure.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason;
}
