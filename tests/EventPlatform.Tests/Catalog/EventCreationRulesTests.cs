using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Domain;
using EventPlatform.Catalog.Grpc;

namespace EventPlatform.Tests.Catalog;

public sealed class EventCreationRulesTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_event_is_a_draft_with_what_the_organizer_described()
    {
        var organizer = Organizer.Create(
            OrganizerId.New(), "alice", OrganizerProfile.Create("ACME", new Address("1 Main St", "", "", "Lyon", "", "FR"), null, "a@b.org", null),
            InvoicePrefix.Create("ACME"), Start.AddMonths(-3));

        var created = Event.CreateDraft(EventId.New(), organizer, Details(), Start.AddMonths(-3));

        created.Status.ShouldBe(EventStatus.Draft);
        created.Title.Value.ShouldBe("DotNet Days");
        created.Capacity.Seats.ShouldBe(100);
        created.IsFree.ShouldBeTrue();
        created.CreatedAt.ShouldBe(Start.AddMonths(-3));
        created.OwnerId.ShouldBe("alice");
    }

    [Fact]
    public void An_event_must_end_after_it_starts() =>
        Broken<EventMustEndAfterItStartsRule>(() => EventSchedule.Create(Start, Start, "Europe/Paris"), "end_time");

    [Fact]
    public void An_event_is_in_a_known_iana_time_zone() =>
        Broken<TimeZoneMustBeKnownRule>(() => EventSchedule.Create(Start, Start.AddHours(8), "Central European"), "time_zone");

    [Fact]
    public void Registrations_must_close_before_the_event_ends()
    {
        var schedule = EventSchedule.Create(Start, Start.AddHours(8), "Europe/Paris");
        Broken<RegistrationMustCloseBeforeEventEndsRule>(() => RegistrationWindow.Create(null, Start.AddDays(1), schedule), "registration_closes_time");
    }

    [Fact]
    public void Registrations_must_open_before_they_close()
    {
        var schedule = EventSchedule.Create(Start, Start.AddHours(8), "Europe/Paris");
        Broken<RegistrationMustOpenBeforeItClosesRule>(
            () => RegistrationWindow.Create(Start.AddDays(-1), Start.AddDays(-2), schedule), "registration_closes_time");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_event_needs_a_title(string title) => Broken<EventTitleMustBeGivenRule>(() => EventTitle.Create(title), "title");

    [Fact]
    public void A_title_is_at_most_200_characters() =>
        Broken<EventTitleMustBeGivenRule>(() => EventTitle.Create(new string('x', 201)), "title");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_event_offers_at_least_one_seat(int seats) => Broken<EventCapacityMustBePositiveRule>(() => EventCapacity.Create(seats), "capacity");

    [Fact]
    public void A_paid_event_costs_more_than_nothing() => Broken<PriceMustBePositiveRule>(() => Price.Create(0, "EUR", 2000), "price.amount_minor");

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void A_price_is_in_an_iso_4217_currency(string currency) =>
        Broken<CurrencyMustBeIso4217Rule>(() => Price.Create(1000, currency, 2000), "price.currency");

    [Fact]
    public void A_vat_rate_is_a_percentage() => Broken<VatRateMustBeAPercentageRule>(() => Price.Create(1000, "EUR", 10_001), "vat_rate_basis_points");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_partial_refund_after_the_deadline_is_a_share_between_1_and_99_percent(int percent) =>
        Broken<LateRefundMustBeAShareRule>(() => RefundTerms.Create(RefundPolicy.PartialAfterDeadline, Start, percent), "late_refund_percent");

    [Fact]
    public void A_partial_refund_needs_its_deadline() =>
        Broken<PartialRefundNeedsADeadlineRule>(() => RefundTerms.Create(RefundPolicy.PartialAfterDeadline, null, 50), "refund_deadline");

    [Fact]
    public void Only_a_partial_refund_keeps_a_late_share() =>
        RefundTerms.Create(RefundPolicy.FullUntilDeadline, Start, 40).LateRefundPercent.ShouldBe(0);

    [Fact]
    public void An_event_is_at_a_venue_or_online_not_both()
    {
        var venue = new Venue("Hall A", new Address("1 Main St", "", "69001", "Lyon", "", "FR"));
        Broken<EventMustHaveOneLocationRule>(() => Location.Create(venue, "https://meet.example.org/x"), "venue");
        Broken<EventMustHaveOneLocationRule>(() => Location.Create(null, " "), "venue");
    }

    [Fact]
    public void An_online_event_has_an_absolute_http_url() =>
        Broken<OnlineUrlMustBeAbsoluteHttpRule>(() => Location.Create(null, "meet.example.org"), "online_url");

    [Fact]
    public void Input_validation_reports_every_broken_field_rule_at_once()
    {
        var input = new InputValidation();
        input.Capture(() => EventTitle.Create(""));
        input.Capture(() => EventCapacity.Create(0));

        var failure = Should.Throw<InvalidInputException>(input.ThrowIfInvalid);

        failure.Violations.Select(v => CatalogFields.Names.ToContract(v.Field)).ShouldBe(["title", "capacity"]);
        failure.Violations[0].Description.ShouldStartWith("EventTitleMustBeGiven:");
    }

    private static EventDetails Details()
    {
        var schedule = EventSchedule.Create(Start, Start.AddHours(8), "Europe/Paris");
        return new EventDetails(
            EventTitle.Create(" DotNet Days "), "", Location.Create(null, "https://meet.example.org/dotnet"), schedule,
            RegistrationWindow.Create(null, null, schedule), EventCapacity.Create(100), null, RefundTerms.NoRefund, false, true);
    }

    private static void Broken<TRule>(Action act, string field) where TRule : IFieldRule
    {
        var failure = Should.Throw<BusinessRuleBrokenException>(act);
        failure.Rule.ShouldBeOfType<TRule>();
        CatalogFields.Names.ToContract(((IFieldRule)failure.Rule).Field).ShouldBe(field);
    }
}
