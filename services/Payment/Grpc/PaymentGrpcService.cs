using EventPlatform.Domain;
using EventPlatform.Payment.Application;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Paging;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Payment.Grpc;

public sealed class PaymentGrpcService(
    PaymentIntentCommands intents, RefundCommands refunds, PaymentQueries queries, IOptions<PaymentOptions> options)
    : Proto.PaymentService.PaymentServiceBase
{
    private string CheckoutBaseUrl => options.Value.CheckoutBaseUrl;

    public override async Task<Proto.PaymentIntent> CreatePaymentIntent(Proto.CreatePaymentIntentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var registrationId = input.Capture(() => (Guid?)RequestFields.Uuid(request.RegistrationId, "registration_id", "a registration id"));
        var returnUrl = PaymentMapping.ReturnUrl(request.ReturnUrl, input);
        input.ThrowIfInvalid();
        var intent = await intents.PrepareAsync(
            Domain.Payments.PaymentIntentId.OfRegistration(registrationId!.Value), caller, context.CancellationToken);
        return intent.View(caller, CheckoutBaseUrl, returnUrl);
    }

    public override async Task<Proto.PaymentIntent> ConfirmPaymentIntent(Proto.ConfirmPaymentIntentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var id = input.Capture(() => (Domain.Payments.PaymentIntentId?)PaymentMapping.IntentId(request.Id));
        if (request.PaymentMethod.Length is 0 or > PaymentMapping.MaxPaymentMethodLength)
        {
            input.Add("payment_method", $"A payment method of the provider's test mode (pm_card_visa…), at most {PaymentMapping.MaxPaymentMethodLength} characters.");
        }

        var returnUrl = PaymentMapping.ReturnUrl(request.ReturnUrl, input);
        input.ThrowIfInvalid();
        var intent = await intents.ConfirmAsync(id!.Value, request.RequestId, request.PaymentMethod, returnUrl, caller, context.CancellationToken);
        return intent.View(caller, CheckoutBaseUrl, returnUrl);
    }

    public override async Task<Proto.PaymentIntent> GetPaymentIntent(Proto.GetPaymentIntentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var intent = await queries.GetIntentAsync(PaymentMapping.IntentId(request.Id), caller, context.CancellationToken);
        return intent.View(caller, CheckoutBaseUrl);
    }

    public override async Task<Proto.ListPaymentIntentsResponse> ListPaymentIntents(Proto.ListPaymentIntentsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        var eventId = RequestFields.OptionalUuid(request.EventId, "event_id", "an event id", input);
        var registrationId = RequestFields.OptionalUuid(request.RegistrationId, "registration_id", "a registration id", input);
        var page = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var found = await queries.ListIntentsAsync(
            new PaymentIntentFilter(eventId, registrationId, PaymentContract.ToDomain(request.Status), page!), caller, context.CancellationToken);
        return new Proto.ListPaymentIntentsResponse
        {
            PaymentIntents = { found.Items.Select(i => i.View(caller, CheckoutBaseUrl)) },
            NextPageToken = found.NextPageToken ?? "",
        };
    }

    /// <summary>An organizer's refund, whole or partial; the same request_id again returns the first refund.</summary>
    public override async Task<Proto.Refund> CreateRefund(Proto.CreateRefundRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var id = input.Capture(() => (Domain.Payments.PaymentIntentId?)PaymentMapping.IntentId(request.PaymentIntentId, "payment_intent_id"));
        var amount = PaymentMapping.Amount(request.Amount, input);
        if (request.Note.Length > RefundNoteMustFitRule.MaxLength)
        {
            input.Add("note", $"At most {RefundNoteMustFitRule.MaxLength} characters.");
        }

        input.ThrowIfInvalid();
        var refund = await refunds.RequestAsync(
            id!.Value, amount?.AmountMinor, RefundReason.OrganizerDecision, request.Note, RefundCommands.OrganizerKey(caller, request.RequestId),
            async (intent, token) =>
            {
                // Not PERMISSION_DENIED to an attendee: whether someone else's payment exists is not theirs to learn.
                var e = await queries.EventAsync(intent.EventId, token);
                if (!PaymentAccess.MaySee(caller, intent.AttendeeId, e))
                {
                    throw new NotFoundException("payment intent", intent.Id.ToString());
                }

                PaymentAccess.MustOrganize(caller, e);
                if (amount is not null && amount.Currency != intent.Amount.Currency)
                {
                    throw new InvalidInputException("amount.currency", $"This payment is in {intent.Amount.Currency}.");
                }
            },
            context.CancellationToken);
        return refund.ToContract();
    }

    public override async Task<Proto.Refund> GetRefund(Proto.GetRefundRequest request, ServerCallContext context) =>
        (await queries.GetRefundAsync(RequestFields.Id<RefundId>(request.Id, "id", "a refund id"), context.Caller(), context.CancellationToken))
        .ToContract();

    public override async Task<Proto.ListRefundsResponse> ListRefunds(Proto.ListRefundsRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var eventId = RequestFields.OptionalUuid(request.EventId, "event_id", "an event id", input);
        var registrationId = RequestFields.OptionalUuid(request.RegistrationId, "registration_id", "a registration id", input);
        var intentId = RequestFields.OptionalUuid(request.PaymentIntentId, "payment_intent_id", "a payment intent id", input);
        var page = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var found = await queries.ListRefundsAsync(
            new RefundFilter(eventId, registrationId, intentId is { } i ? Domain.Payments.PaymentIntentId.From(i) : null, page!),
            context.Caller(), context.CancellationToken);
        return new Proto.ListRefundsResponse { Refunds = { found.Items.Select(r => r.ToContract()) }, NextPageToken = found.NextPageToken ?? "" };
    }
}
