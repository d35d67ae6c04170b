using System.Net;
using System.Net.Http.Json;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Infrastructure;
using Grpc.Core;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Registrations.RegistrationDriver;

namespace EventPlatform.Tests.Registrations;

/// <summary>The registration flows end to end: catalog publishes, registration projects it, attendees and organizers call.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class RegistrationFlowApiTests(WholeSystemFixture system)
{
    private readonly RegistrationDriver _driver = new(system);

    private CatalogDriver Catalog => _driver.Catalog;

    private RegistrationService.RegistrationServiceClient Registrations => _driver.Registrations;

    [Fact]
    public async Task A_cancellation_promotes_the_oldest_waitlisted_attendee_and_the_others_move_up()
    {
        var (_, published) = await PublishedAsync(capacity: 1);
        var (first, firstHeaders) = await RegisterAsync(published.Id);
        var (second, secondHeaders) = await RegisterAsync(published.Id);
        var (third, thirdHeaders) = await RegisterAsync(published.Id);

        await Registrations.CancelRegistrationAsync(new CancelRegistrationRequest { Id = first.Id, Reason = "plans changed" }, firstHeaders);
        var promoted = await Registrations.GetRegistrationAsync(new GetRegistrationRequest { Id = second.Id }, secondHeaders);
        var movedUp = await Registrations.GetRegistrationAsync(new GetRegistrationRequest { Id = third.Id }, thirdHeaders);

        first.Status.ShouldBe(RegistrationStatus.Confirmed);
        (second.Status, second.WaitlistPosition).ShouldBe((RegistrationStatus.Waitlisted, 1));
        (third.Status, third.WaitlistPosition).ShouldBe((RegistrationStatus.Waitlisted, 2));
        (promoted.Status, promoted.PromotedFromWaitlist).ShouldBe((RegistrationStatus.Confirmed, true));
        (movedUp.Status, movedUp.WaitlistPosition).ShouldBe((RegistrationStatus.Waitlisted, 1));
    }

    [Fact]
    public async Task A_full_event_without_waitlist_refuses_naming_the_rule_through_grpc_and_the_bff()
    {
        var (_, published) = await PublishedAsync(capacity: 1, waitlist: false);
        await RegisterAsync(published.Id);

        var refused = await Should.ThrowAsync<RpcException>(() => RegisterAsync(published.Id));
        using var bff = Catalog.BffAs(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee));
        var overHttp = await bff.PostAsJsonAsync("/registrations", new
        {
            requestId = Guid.NewGuid().ToString(),
            eventId = published.Id,
            name = "Ada Lovelace",
            email = "ada@example.org",
            locale = "en-GB",
        });
        var counts = await Registrations.GetEventAvailabilityAsync(new GetEventAvailabilityRequest { EventId = published.Id });

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Reason().ShouldBe("WaitlistMustBeEnabled");
        overHttp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await overHttp.Content.ReadAsStringAsync()).ShouldContain("WaitlistMustBeEnabled");
        (counts.RemainingSeats, counts.WaitlistLength).ShouldBe((0, 0));
    }

    [Fact]
    public async Task The_organizer_approves_or_rejects_and_nobody_else_may()
    {
        var (organizer, published) = await PublishedAsync(capacity: 1, approval: true);
        var (early, earlyHeaders) = await RegisterAsync(published.Id);
        var (late, _) = await RegisterAsync(published.Id);
        var organizerHeaders = Bearer(organizer);

        var selfApproval = await Should.ThrowAsync<RpcException>(() =>
            Registrations.ApproveRegistrationAsync(new ApproveRegistrationRequest { Id = early.Id }, earlyHeaders).ResponseAsync);
        var approved = await Registrations.ApproveRegistrationAsync(new ApproveRegistrationRequest { Id = early.Id }, organizerHeaders);
        var approvedAgain = await Registrations.ApproveRegistrationAsync(new ApproveRegistrationRequest { Id = early.Id }, organizerHeaders);
        var rejected = await Registrations.RejectRegistrationAsync(new RejectRegistrationRequest { Id = late.Id, Reason = "Members only." }, organizerHeaders);
        var approveRejected = await Should.ThrowAsync<RpcException>(() =>
            Registrations.ApproveRegistrationAsync(new ApproveRegistrationRequest { Id = late.Id }, organizerHeaders).ResponseAsync);

        (early.Status, late.Status).ShouldBe((RegistrationStatus.AwaitingApproval, RegistrationStatus.AwaitingApproval));
        selfApproval.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        approved.Status.ShouldBe(RegistrationStatus.Confirmed);
        approvedAgain.ShouldBe(approved);
        (rejected.Status, rejected.StatusReason).ShouldBe((RegistrationStatus.Rejected, "Members only."));
        approveRejected.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        approveRejected.Reason().ShouldBe("RegistrationMustAwaitApproval");
    }

    [Fact]
    public async Task A_retried_request_returns_the_first_registration_and_a_reused_key_elsewhere_is_refused()
    {
        var (_, published) = await PublishedAsync(capacity: 10);
        var (_, other) = await PublishedAsync(capacity: 10);
        var headers = _driver.NewAttendee();
        var request = Request(published.Id);

        var first = await Registrations.RegisterAsync(request, headers);
        var retried = await Registrations.RegisterAsync(request, headers);
        var reused = await Should.ThrowAsync<RpcException>(() =>
            Registrations.RegisterAsync(new RegisterRequest(request) { EventId = other.Id }, headers).ResponseAsync);
        var mine = await Registrations.ListMyRegistrationsAsync(new ListMyRegistrationsRequest(), headers);

        retried.ShouldBe(first);
        reused.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        mine.Registrations.Select(r => r.Id).ShouldBe([first.Id]);
    }

    private async Task<(string OrganizerToken, Event Event)> PublishedAsync(int capacity, bool waitlist = true, bool approval = false)
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var request = NewEventRequest(organizer.Id, capacity: capacity);
        request.WaitlistEnabled = waitlist;
        request.ApprovalRequired = approval;
        var draft = await Catalog.Client.CreateEventAsync(request, Bearer(token));
        return (token, await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, Bearer(token)));
    }

    private Task<(Registration Registration, Metadata Headers)> RegisterAsync(string eventId) => _driver.RegisterAsync(eventId);
}
