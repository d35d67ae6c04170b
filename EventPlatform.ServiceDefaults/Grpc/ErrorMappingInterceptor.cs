using System.Diagnostics;
using EventPlatform.Domain;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Status = Google.Rpc.Status;

namespace EventPlatform.ServiceDefaults.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses with google.rpc details, so service methods stay free of
/// try/catch: bad input → INVALID_ARGUMENT + BadRequest, broken rule → FAILED_PRECONDITION + ErrorInfo naming
/// the rule, unknown failure → INTERNAL with only a trace id (details stay in the logs).
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, ContractFieldNames fields) : Interceptor
{
    public const string ErrorDomain = "eventplatform";

    // Error text travels in trailers, whose size HTTP/2 bounds between services: text that quotes too much is cut
    // rather than turning a 400 into a 503 (messages quote values through Quoted; this is the last line of defence).
    private const int MaxTextLength = 1_000;

    /// <summary>The google.rpc detail messages this interceptor attaches, for JSON renderers that need their types.</summary>
    public static readonly Google.Protobuf.Reflection.TypeRegistry DetailTypes = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
        Google.Rpc.BadRequest.Descriptor, ErrorInfo.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context) => exception switch
    {
        InvalidInputException e => BadRequest(e.Violations, context),
        BusinessRuleBrokenException { Rule: IFieldRule rule } =>
            BadRequest([new FieldViolation(rule.Field, $"{rule.Name}: {rule.Message}")], context, rule.Message),
        BusinessRuleBrokenException e => RuleBroken(e.Rule),
        NotFoundException e => WithResource(Code.NotFound, e.Message, e.ResourceType, e.ResourceId),
        AlreadyExistsException e => WithResource(Code.AlreadyExists, e.Message, e.ResourceType, e.ResourceId),
        PermissionDeniedException e => Plain(Code.PermissionDenied, e.Message),
        ConcurrencyConflictException e => Plain(Code.Aborted, e.Message),
        UnauthenticatedException e => Plain(Code.Unauthenticated, e.Message),
        UnavailableException e => Unavailable(e),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            Plain(Code.Cancelled, "The call was cancelled by the caller or its deadline passed."),
        _ => Internal(exception, context),
    };

    /// <summary>
    /// INVALID_ARGUMENT naming each field as the contract does; logged as one line naming the fields, never their
    /// values (the caller's, of any length), and without a stack trace: bad input is not a fault here.
    /// </summary>
    private RpcException BadRequest(IReadOnlyList<FieldViolation> violations, ServerCallContext context, string? message = null)
    {
        var named = violations.Select(v => v with { Field = fields.ToContract(v.Field) }).ToList();
        logger.LogInformation("Rejected {Method}: invalid {Fields}", context.Method, string.Join(", ", named.Select(v => v.Field).Distinct()));
        message ??= InvalidInputException.Describe(named);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(named.Select(v =>
            new BadRequest.Types.FieldViolation { Field = Bounded(v.Field), Description = Bounded(v.Description) }));
        return new Status { Code = (int)Code.InvalidArgument, Message = Bounded(message), Details = { Any.Pack(badRequest) } }
            .ToRpcException();
    }

    private static RpcException RuleBroken(IBusinessRule rule)
    {
        var status = new Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = Bounded($"{rule.Name}: {rule.Message}"),
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = rule.Name, Domain = ErrorDomain }),
                Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = rule.Name, Description = Bounded(rule.Message) } },
                }),
            },
        };
        return status.ToRpcException();
    }

    private static RpcException WithResource(Code code, string message, string type, string id) =>
        new Status
        {
            Code = (int)code,
            Message = Bounded(message),
            Details = { Any.Pack(new ResourceInfo { ResourceType = type, ResourceName = Bounded(id) }) },
        }.ToRpcException();

    private static RpcException Plain(Code code, string message) =>
        new Status { Code = (int)code, Message = Bounded(message) }.ToRpcException();

    private static string Bounded(string text) =>
        text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), "…");

    /// <summary>One line without a stack trace: an outage elsewhere is not a bug here, and it repeats under load.</summary>
    private RpcException Unavailable(UnavailableException e)
    {
        logger.LogWarning("Unavailable: {Reason}", e.InnerException?.Message ?? e.Message);
        return Plain(Code.Unavailable, e.Message);
    }

    private RpcException Internal(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? "none";
        logger.LogError(exception, "Unhandled failure in {Method} (trace {TraceId})", context.Method, traceId);
        return Plain(Code.Internal, $"An internal error occurred. Quote trace id {traceId} when reporting it.");
    }
}
