using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Infrastructure;
using Grpc.Core;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Registrations.RegistrationDriver;

namespace EventPlatform.Tests.Registrations;

/// <summary>Registering through the registration service's gRPC API and through the BFF, as people would.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class RegistrationApiTests(WholeSystemFixture system)
{
    private readonly RegistrationDriver _driver = new(system);

    private CatalogDriver Catalog => _driver.Catalog;

    private RegistrationService.RegistrationServiceClient Registrations => _driver.Registrations;

    private RegistrationInternalService.RegistrationInternalServiceClient Internal => _driver.Internal;

    [Fact]
    public async Task An_attendee_registers_to_a_published_free_event_and_is_confirmed()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        var attendee = Bearer(Catalog.TokenFor($"attendee-{Guid.NewGuid():N}", CallerRole.Attendee));

        var registration = await Registrations.RegisterAsync(Request(published.Id), attendee);
        var again = await Should.ThrowAsync<RpcException>(() => Registrations.RegisterAsync(Request(published.Id), attendee).ResponseAsync);
        var counts = await Internal.GetSeatCountsAsync(new GetSeatCountsRequest { EventId = published.Id }, _driver.AsService("catalog"));

        registration.Status.ShouldBe(RegistrationStatus.Confirmed);
        registration.Attendee.Email.ShouldBe("ada@example.org");
        again.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        counts.ConfirmedCount.ShouldBe(1);
        counts.Capacity.ShouldBe(published.Capacity);
    }

    [Fact]
    public async Task Bad_input_names_every_bad_field()
    {
        var attendee = Bearer(Catalog.TokenFor("someone", CallerRole.Attendee));

        var failure = await Should.ThrowAsync<RpcException>(() => Registrations.RegisterAsync(
            new RegisterRequest { EventId = "not-an-id", Name = "", Email = "nope", Locale = "en-GB" }, attendee).ResponseAsync);

        failure.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        foreach (var field in new[] { "request_id", "event_id", "name", "email" })
        {
            failure.Status.Detail.ShouldContain(field);
        }
    }

    [Fact]
    public async Task Billing_details_are_kept_for_the_invoice_and_each_bad_one_is_named()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        var attendee = Bearer(Catalog.TokenFor($"attendee-{Guid.NewGuid():N}", CallerRole.Attendee));
        var request = Request(published.Id);
        request.BillingDetails = new BillingDetails
        {
            LegalName = " Acme Formation SARL ",
            Address = new Contracts.Common.V1.Address { Line1 = "12 rue de la République", PostalCode = "69001", City = "Lyon", CountryCode = "FR" },
            VatNumber = "fr 98765432101",
            Email = "compta@acme.example.org",
        };

        var registration = await Registrations.RegisterAsync(request, attendee);
        var failure = await Should.ThrowAsync<RpcException>(() => Registrations.RegisterAsync(
            new RegisterRequest
            {
                RequestId = Guid.NewGuid().ToString(), EventId = published.Id, Name = "Ada", Email = "ada@example.org", Locale = "en-GB",
                BillingDetails = new BillingDetails { LegalName = "", Address = new Contracts.Common.V1.Address { Line1 = "x", City = "Lyon", CountryCode = "France" }, VatNumber = "123", Email = "nope" },
            }, attendee).ResponseAsync);

        (registration.BillingDetails.LegalName, registration.BillingDetails.VatNumber, registration.BillingDetails.Address.City)
            .ShouldBe(("Acme Formation SARL", "FR98765432101", "Lyon"));
        failure.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        foreach (var field in new[] { "billing_details.legal_name", "billing_details.address", "billing_details.vat_number", "billing_details.email" })
        {
            failure.Status.Detail.ShouldContain(field);
        }
    }

    [Fact]
    public async Task Another_attendee_does_not_see_my_registration()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        var mine = await Registrations.RegisterAsync(Request(published.Id), Bearer(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee)));

        var failure = await Should.ThrowAsync<RpcException>(() => Registrations.GetRegistrationAsync(
            new GetRegistrationRequest { Id = mine.Id }, Bearer(Catalog.TokenFor("nosy", CallerRole.Attendee))).ResponseAsync);

        failure.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task Registering_and_cancelling_through_the_bff_as_json()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        using var bff = Catalog.BffAs(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee));

        var registered = await bff.PostAsJsonAsync("/registrations", new
        {
            requestId = Guid.NewGuid().ToString(),
            eventId = published.Id,
            name = "Ada Lovelace",
            email = "ada@example.org",
            locale = "en-GB",
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        var cancelled = await bff.PostAsJsonAsync($"/registrations/{id}/cancel", new { reason = "plans changed" });
        var refused = await bff.PostAsJsonAsync("/registrations", new { eventId = published.Id });

        body.GetProperty("status").GetString().ShouldBe("REGISTRATION_STATUS_CONFIRMED");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("REGISTRATION_STATUS_CANCELLED");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Anyone_sees_the_remaining_seats_of_a_published_event_through_grpc_and_the_bff()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        await Registrations.RegisterAsync(Request(published.Id), Bearer(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee)));
        using var anonymous = Catalog.BffAs(null);

        var availability = await Registrations.GetEventAvailabilityAsync(new GetEventAvailabilityRequest { EventId = published.Id });
        var page = await anonymous.GetAsync($"/events/{published.Id}/availability");

        availability.Capacity.ShouldBe(published.Capacity);
        availability.RemainingSeats.ShouldBe(published.Capacity - 1);
        availability.WaitlistLength.ShouldBe(0);
        availability.RegistrationOpen.ShouldBeTrue();
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remainingSeats").GetInt32().ShouldBe(published.Capacity - 1);
    }

    [Fact]
    public async Task Availability_of_an_unknown_event_is_not_found_and_a_bad_id_is_named()
    {
        var unknown = await Should.ThrowAsync<RpcException>(() => Registrations.GetEventAvailabilityAsync(
            new GetEventAvailabilityRequest { EventId = Guid.NewGuid().ToString() }).ResponseAsync);
        var bad = await Should.ThrowAsync<RpcException>(() => Registrations.GetEventAvailabilityAsync(
            new GetEventAvailabilityRequest { EventId = "nope" }).ResponseAsync);

        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        bad.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        bad.Status.Detail.ShouldContain("event_id");
    }

    [Fact]
    public async Task The_organizer_lists_the_event_registrations_and_an_attendee_may_not()
    {
        var (organizer, published) = await Catalog.NewPublishedAsync();
        var attendee = Bearer(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee));
        await Registrations.RegisterAsync(Request(published.Id), attendee);

        var list = await Registrations.ListEventRegistrationsAsync(
            new ListEventRegistrationsRequest { EventId = published.Id, PageSize = 10 }, Bearer(organizer));
        var refused = await Should.ThrowAsync<RpcException>(() => Registrations.ListEventRegistrationsAsync(
            new ListEventRegistrationsRequest { EventId = published.Id }, attendee).ResponseAsync);
        var bad = await Should.ThrowAsync<RpcException>(() => Registrations.ListEventRegistrationsAsync(
            new ListEventRegistrationsRequest { EventId = published.Id, PageSize = 101, SessionId = "x" }, Bearer(organizer)).ResponseAsync);

        list.TotalCount.ShouldBe(1);
        list.Registrations.Single().Status.ShouldBe(RegistrationStatus.Confirmed);
        list.NextPageToken.ShouldBeEmpty();
        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        bad.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        bad.Status.Detail.ShouldContain("page_size");
        bad.Status.Detail.ShouldContain("session_id");
    }

    [Fact]
    public async Task Other_services_fetch_registrations_by_id_leaving_unknown_ones_out()
    {
        var (_, published) = await Catalog.NewPublishedAsync();
        var mine = await Registrations.RegisterAsync(Request(published.Id), Bearer(Catalog.TokenFor($"a-{Guid.NewGuid():N}", CallerRole.Attendee)));

        var found = await Internal.BatchGetRegistrationsAsync(new BatchGetRegistrationsRequest { Ids = { Guid.NewGuid().ToString(), mine.Id } }, _driver.AsService("billing"));
        var bad = await Should.ThrowAsync<RpcException>(() => Internal.BatchGetRegistrationsAsync(
            new BatchGetRegistrationsRequest { Ids = { mine.Id, "nope" } }, _driver.AsService("billing")).ResponseAsync);

        found.Registrations.Single().ShouldBe(mine);
        bad.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        bad.Status.Detail.ShouldContain("ids[1]");
    }
}
