using System.Net;
using System.Net.Http.Json;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Domain.Validation;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using RegistrationContracts = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Tests.Catalog;

/// <summary>Each rule of the catalog, broken through gRPC and through the BFF: the status names what went wrong.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class CatalogApiTests(WholeSystemFixture system)
{
    private CatalogDriver Catalog => new(system.App, system.GrpcChannel("catalog"));

    [Fact]
    public async Task An_organizer_manages_the_life_of_an_event_from_draft_to_completed()
    {
        var (token, draft) = await Catalog.NewDraftAsync();
        var auth = Bearer(token);

        var published = await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, auth);
        var closed = await Catalog.Client.CloseRegistrationsAsync(new CloseRegistrationsRequest { Id = draft.Id }, auth);
        var completed = await Catalog.Client.CompleteEventAsync(new CompleteEventRequest { Id = draft.Id }, auth);

        draft.Status.ShouldBe(EventStatus.Draft);
        published.Status.ShouldBe(EventStatus.Published);
        published.PublishTime.ShouldNotBeNull();
        closed.Status.ShouldBe(EventStatus.RegistrationsClosed);
        completed.Status.ShouldBe(EventStatus.Completed);
    }

    [Fact]
    public async Task Publishing_twice_names_the_broken_rule_in_grpc_and_as_http_400()
    {
        var (token, published) = await Catalog.NewPublishedAsync();

        var failure = await Should.ThrowAsync<RpcException>(
            Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = published.Id }, Bearer(token)).ResponseAsync);
        using var http = Catalog.BffAs(token);
        using var response = await http.PostAsJsonAsync($"/events/{published.Id}/publish", new { });

        failure.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        failure.Reason().ShouldBe("OnlyDraftEventsCanBePublished");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"reason\":\"OnlyDraftEventsCanBePublished\"");
    }

    public enum Step
    {
        Publish,
        Close,
        Complete,
        Cancel,
        ChangeRefundTerms,
    }

    [Theory]
    [InlineData(EventStatus.Draft, Step.Close, "OnlyPublishedEventsCanCloseRegistrations")]
    [InlineData(EventStatus.Draft, Step.Complete, "OnlyEventsWithClosedRegistrationsCanBeCompleted")]
    [InlineData(EventStatus.Published, Step.Complete, "OnlyEventsWithClosedRegistrationsCanBeCompleted")]
    [InlineData(EventStatus.RegistrationsClosed, Step.Cancel, "OnlyDraftOrPublishedEventsCanBeCancelled")]
    [InlineData(EventStatus.RegistrationsClosed, Step.Publish, "OnlyDraftEventsCanBePublished")]
    [InlineData(EventStatus.Published, Step.ChangeRefundTerms, "RefundTermsCannotChangeAfterPublication")]
    public async Task A_step_the_life_cycle_does_not_allow_is_refused_naming_the_rule(EventStatus from, Step step, string rule)
    {
        var (token, e) = from == EventStatus.Draft ? await Catalog.NewDraftAsync() : await Catalog.NewPublishedAsync();
        if (from == EventStatus.RegistrationsClosed)
        {
            await Catalog.Client.CloseRegistrationsAsync(new CloseRegistrationsRequest { Id = e.Id }, Bearer(token));
        }

        var call = step switch
        {
            Step.Publish => Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = e.Id }, Bearer(token)).ResponseAsync,
            Step.Close => Catalog.Client.CloseRegistrationsAsync(new CloseRegistrationsRequest { Id = e.Id }, Bearer(token)).ResponseAsync,
            Step.Complete => Catalog.Client.CompleteEventAsync(new CompleteEventRequest { Id = e.Id }, Bearer(token)).ResponseAsync,
            Step.Cancel => Catalog.Client.CancelEventAsync(new CancelEventRequest { Id = e.Id, Reason = "because" }, Bearer(token)).ResponseAsync,
            _ => Catalog.Client.UpdateEventAsync(
                new UpdateEventRequest { Id = e.Id, RefundPolicy = RefundPolicy.FullUntilDeadline }, Bearer(token)).ResponseAsync,
        };

        var failure = await Should.ThrowAsync<RpcException>(call);

        failure.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        failure.Reason().ShouldBe(rule);
    }

    [Fact]
    public async Task An_event_that_has_ended_cannot_be_published()
    {
        var (token, past) = await Catalog.NewDraftAsync("Yesterday", DateTimeOffset.UtcNow.AddDays(-2));

        var failure = await Should.ThrowAsync<RpcException>(
            Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = past.Id }, Bearer(token)).ResponseAsync);

        failure.Reason().ShouldBe("EndedEventsCannotBePublished");
    }

    [Fact]
    public async Task Moving_an_event_before_its_registrations_close_is_bad_input_naming_the_field()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var request = NewEventRequest(organizer.Id);
        request.RegistrationClosesTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(8));
        var created = await Catalog.Client.CreateEventAsync(request, Bearer(token));

        var failure = await Should.ThrowAsync<RpcException>(Catalog.Client.UpdateEventAsync(
            new UpdateEventRequest { Id = created.Id, EndTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(2)) }, Bearer(token)).ResponseAsync);

        failure.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        FieldsOf(failure).ShouldBe(["registration_closes_time"]);
    }

    [Fact]
    public async Task Only_a_draft_can_be_deleted_and_a_deleted_draft_is_gone()
    {
        var (token, draft) = await Catalog.NewDraftAsync();
        var (otherToken, published) = await Catalog.NewPublishedAsync();

        await Catalog.Client.DeleteEventAsync(new DeleteEventRequest { Id = draft.Id }, Bearer(token));
        var gone = await Should.ThrowAsync<RpcException>(Catalog.Client.GetEventAsync(new GetEventRequest { Id = draft.Id }, Bearer(token)).ResponseAsync);
        var refused = await Should.ThrowAsync<RpcException>(
            Catalog.Client.DeleteEventAsync(new DeleteEventRequest { Id = published.Id }, Bearer(otherToken)).ResponseAsync);

        gone.StatusCode.ShouldBe(StatusCode.NotFound);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Reason().ShouldBe("OnlyDraftEventsCanBeDeleted");
    }

    [Fact]
    public async Task A_cancelled_event_keeps_its_reason_and_cannot_be_edited()
    {
        var (token, published) = await Catalog.NewPublishedAsync();

        var cancelled = await Catalog.Client.CancelEventAsync(new CancelEventRequest { Id = published.Id, Reason = "Venue flooded" }, Bearer(token));
        var edit = await Should.ThrowAsync<RpcException>(
            Catalog.Client.UpdateEventAsync(new UpdateEventRequest { Id = published.Id, Title = "Again" }, Bearer(token)).ResponseAsync);

        cancelled.Status.ShouldBe(EventStatus.Cancelled);
        cancelled.CancellationReason.ShouldBe("Venue flooded");
        edit.Reason().ShouldBe("FinishedEventsCannotBeEdited");
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_bad_input_naming_the_field()
    {
        var (token, published) = await Catalog.NewPublishedAsync();
        using var http = Catalog.BffAs(token);

        using var response = await http.PostAsJsonAsync($"/events/{published.Id}/cancel", new { reason = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"field\":\"reason\"");
    }

    [Fact]
    public async Task A_huge_value_is_refused_with_a_400_that_quotes_only_its_start()
    {
        var (token, draft) = await Catalog.NewDraftAsync();
        using var http = Catalog.BffAs(token);

        using var response = await http.PatchAsJsonAsync($"/events/{draft.Id}", new { timeZone = new string('x', 100_000) });
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("time_zone");
        body.Length.ShouldBeLessThan(2_000);
        body.ShouldNotContain(new string('x', Quoted.MaxLength + 1));
    }

    [Fact]
    public async Task The_price_of_a_published_event_cannot_change_through_the_bff()
    {
        var (token, published) = await Catalog.NewPublishedAsync();
        using var http = Catalog.BffAs(token);

        using var response = await http.PatchAsJsonAsync($"/events/{published.Id}", new { price = new { amountMinor = 5000, currency = "EUR" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("PriceCannotChangeAfterPublication");
    }

    [Fact]
    public async Task The_capacity_of_a_published_event_never_goes_below_the_seats_registration_has_confirmed()
    {
        var (token, published) = await Catalog.NewPublishedAsync();
        var registrations = new RegistrationContracts.RegistrationService.RegistrationServiceClient(system.GrpcChannel("registration"));
        for (var i = 0; i < 3; i++)
        {
            var attendee = Catalog.TokenFor($"attendee-{Guid.NewGuid():N}", CallerRole.Attendee);
            var registered = await registrations.RegisterAsync(new RegistrationContracts.RegisterRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                EventId = published.Id,
                Name = $"Attendee {i}",
                Email = $"attendee{i}@example.org",
                Locale = "en-GB",
            }, Bearer(attendee));
            registered.Status.ShouldBe(RegistrationContracts.RegistrationStatus.Confirmed);
        }

        var failure = await Should.ThrowAsync<RpcException>(
            Catalog.Client.UpdateEventAsync(new UpdateEventRequest { Id = published.Id, Capacity = 2 }, Bearer(token)).ResponseAsync);
        var lowered = await Catalog.Client.UpdateEventAsync(new UpdateEventRequest { Id = published.Id, Capacity = 3 }, Bearer(token));

        failure.Reason().ShouldBe("CapacityMustCoverConfirmedSeats");
        failure.Status.Detail.ShouldContain("3 seats");
        lowered.Capacity.ShouldBe(3);
    }

    [Fact]
    public async Task An_edit_changes_only_what_it_names()
    {
        var (token, draft) = await Catalog.NewDraftAsync("Before");

        var edited = await Catalog.Client.UpdateEventAsync(
            new UpdateEventRequest { Id = draft.Id, Title = "After", EndTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(10)) }, Bearer(token));

        edited.Title.ShouldBe("After");
        edited.EndTime.ToDateTimeOffset().ShouldBe(NextYear.AddHours(10));
        edited.StartTime.ShouldBe(draft.StartTime);
        edited.Capacity.ShouldBe(draft.Capacity);
        edited.Description.ShouldBe(draft.Description);
    }

    [Fact]
    public async Task Another_organizer_may_not_change_an_event_403_and_an_anonymous_caller_is_401()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        var stranger = Catalog.TokenFor("stranger");

        var denied = await Should.ThrowAsync<RpcException>(
            Catalog.Client.CancelEventAsync(new CancelEventRequest { Id = published.Id, Reason = "mine now" }, Bearer(stranger)).ResponseAsync);
        using var anonymous = Catalog.BffAs(null);
        using var unauthenticated = await anonymous.PostAsJsonAsync($"/events/{published.Id}/close", new { });
        using var strangerHttp = Catalog.BffAs(stranger);
        using var forbidden = await strangerHttp.PostAsJsonAsync($"/events/{published.Id}/close", new { });

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_may_change_any_event()
    {
        var (_, published) = await Catalog.NewPublishedAsync();

        var closed = await Catalog.Client.CloseRegistrationsAsync(
            new CloseRegistrationsRequest { Id = published.Id }, Bearer(Catalog.TokenFor("root", CallerRole.Admin)));

        closed.Status.ShouldBe(EventStatus.RegistrationsClosed);
    }

    [Fact]
    public async Task An_event_is_created_only_under_an_organizer_the_caller_owns()
    {
        var (_, organizer) = await Catalog.NewOrganizerAsync();

        var denied = await Should.ThrowAsync<RpcException>(
            Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id), Bearer(Catalog.TokenFor("stranger"))).ResponseAsync);
        var missing = await Should.ThrowAsync<RpcException>(
            Catalog.Client.CreateEventAsync(NewEventRequest(Guid.NewGuid().ToString()), Bearer(Catalog.TokenFor("stranger"))).ResponseAsync);

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task An_attendee_cannot_register_an_organizer_and_invoice_prefixes_are_unique()
    {
        var attendee = await Should.ThrowAsync<RpcException>(Catalog.Client.CreateOrganizerAsync(
            NewOrganizerRequest(), Bearer(Catalog.TokenFor("bob", CallerRole.Attendee))).ResponseAsync);
        var (token, first) = await Catalog.NewOrganizerAsync();
        var clash = NewOrganizerRequest();
        clash.InvoicePrefix = first.InvoicePrefix;
        var taken = await Should.ThrowAsync<RpcException>(Catalog.Client.CreateOrganizerAsync(clash, Bearer(token)).ResponseAsync);

        attendee.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        taken.StatusCode.ShouldBe(StatusCode.AlreadyExists);
    }

    [Fact]
    public async Task Bad_organizer_input_names_every_field_at_once_and_an_update_keeps_the_rest()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var bad = new CreateOrganizerRequest { RequestId = Guid.NewGuid().ToString(), VatNumber = "12", InvoicePrefix = "x" };

        var failure = await Should.ThrowAsync<RpcException>(Catalog.Client.CreateOrganizerAsync(bad, Bearer(token)).ResponseAsync);
        var updated = await Catalog.Client.UpdateOrganizerAsync(new UpdateOrganizerRequest { Id = organizer.Id, ContactPhone = "+33 4 00 00 00 00" }, Bearer(token));

        failure.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        FieldsOf(failure).ShouldBe(["legal_name", "address", "vat_number", "contact_email", "invoice_prefix"], ignoreOrder: true);
        updated.ContactPhone.ShouldBe("+33 4 00 00 00 00");
        updated.LegalName.ShouldBe(organizer.LegalName);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_anyone_but_its_organizer()
    {
        var (token, draft) = await Catalog.NewDraftAsync();

        var anonymous = await Should.ThrowAsync<RpcException>(Catalog.Client.GetEventAsync(new GetEventRequest { Id = draft.Id }).ResponseAsync);
        var owner = await Catalog.Client.GetEventAsync(new GetEventRequest { Id = draft.Id }, Bearer(token));

        anonymous.StatusCode.ShouldBe(StatusCode.NotFound);
        owner.Id.ShouldBe(draft.Id);
    }

    private static List<string> FieldsOf(RpcException failure) =>
        failure.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
}
