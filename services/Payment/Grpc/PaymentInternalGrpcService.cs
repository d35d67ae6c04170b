using EventPlatform.Domain;
using EventPlatform.Domain.Validation;
using EventPlatform.Payment.Application;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Payment.Grpc;

/// <summary>For other services only (registration): the BFF never maps this service, so it cannot be reached from outside.</summary>
public sealed class PaymentInternalGrpcService(PaymentIntentCommands intents, RefundCommands refunds, PaymentQueries queries)
    : Proto.PaymentInternalService.PaymentInternalServiceBase
{
    public override async Task<Proto.PaymentIntent> OpenPaymentIntent(Proto.OpenPaymentIntentRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var registrationId = input.Capture(() => (Guid?)RequestFields.Uuid(request.RegistrationId, "registration_id", "a registration id"));
        var eventId = input.Capture(() => (Guid?)RequestFields.Uuid(request.EventId, "event_id", "an event id"));
        if (request.AttendeeId.Length is 0 or > 200)
        {
            input.Add("attendee_id", "The attendee's identity (subject), at most 200 characters.");
        }

        if (request.AttendeeEmail.Length > 0 && !EmailAddress.IsValid(request.AttendeeEmail))
        {
            input.Add("attendee_email", "An email address.");
        }

        if (request.Amount is null)
        {
            input.Add("amount", "What the registration owes.");
        }

        var amount = PaymentMapping.Amount(request.Amount, input);
        if (request.Description.Length > 500)
        {
            input.Add("description", "At most 500 characters.");
        }

        if (request.ExpireTime is null)
        {
            input.Add("expire_time", "The registration's payment deadline.");
        }

        input.ThrowIfInvalid();
        var intent = await intents.OpenAsync(
            new OpenPaymentIntentCommand(
                registrationId!.Value, eventId!.Value, request.OrganizerId, request.AttendeeId, request.AttendeeEmail, amount!,
                request.Description, request.ExpireTime!.ToDateTimeOffset()),
            context.CancellationToken);
        return intent.ToContract(checkoutUrl: null);
    }

    public override async Task<Proto.PaymentIntent> GetPaymentIntent(Proto.GetPaymentIntentRequest request, ServerCallContext context) =>
        (await queries.GetIntentAsync(PaymentMapping.IntentId(request.Id), caller: null, context.CancellationToken)).ToContract(checkoutUrl: null);

    public override async Task<Proto.PaymentIntent> GetPaymentIntentOfRegistration(
        Proto.GetPaymentIntentOfRegistrationRequest request, ServerCallContext context) =>
        (await queries.GetIntentAsync(RegistrationIntent(request.RegistrationId), caller: null, context.CancellationToken)).ToContract(checkoutUrl: null);

    public override async Task<Proto.PaymentIntent> CancelPaymentIntent(Proto.CancelPaymentIntentRequest request, ServerCallContext context)
    {
        var id = RegistrationIntent(request.RegistrationId);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "The registration no longer owes it." : request.Reason.Trim();
        if (reason.Length > 1000)
        {
            throw new InvalidInputException("reason", "At most 1000 characters.");
        }

        var intent = await intents.CancelAsync(id, reason, context.CancellationToken) ?? throw new NotFoundException("payment intent", id.ToString());
        return intent.ToContract(checkoutUrl: null);
    }

    /// <summary>Refunds a registration's payment under the caller's request_id (e.g. "late-payment:{registration}").</summary>
    public override async Task<Proto.Refund> RefundPayment(Proto.RefundPaymentRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var id = input.Capture(() => (PaymentIntentId?)RegistrationIntent(request.RegistrationId));
        var amount = PaymentMapping.Amount(request.Amount, input);
        var reason = PaymentContract.ToDomain(request.Reason);
        if (reason is null)
        {
            input.Add("reason", "Why the payment is refunded.");
        }

        if (request.Note.Length > RefundNoteMustFitRule.MaxLength)
        {
            input.Add("note", $"At most {RefundNoteMustFitRule.MaxLength} characters.");
        }

        input.ThrowIfInvalid();
        var refund = await refunds.RequestAsync(
            id!.Value, amount?.AmountMinor, reason!.Value, request.Note, RefundCommands.ServiceKey(request.RequestId), (_, _) => Task.CompletedTask,
            context.CancellationToken);
        return refund.ToContract();
    }

    private static PaymentIntentId RegistrationIntent(string registrationId) =>
        PaymentIntentId.OfRegistration(RequestFields.Uuid(registrationId, "registration_id", "a registration id"));
}
