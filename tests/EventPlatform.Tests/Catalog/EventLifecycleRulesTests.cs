using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Domain;
using EventPlatform.Catalog.Application.Events;

namespace EventPlatform.Tests.Catalog;

public sealed class EventLifecycleRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_draft_is_published_and_remembers_when()
    {
        var e = Draft();

        e.Publish(Now);

        e.Status.ShouldBe(EventStatus.Published);
        e.PublishedAt.ShouldBe(Now);
    }

    [Fact]
    public void Only_a_draft_can_be_published()
    {
        var e = Published();
        Broken<OnlyDraftEventsCanBePublishedRule>(() => e.Publish(Now));
    }

    [Fact]
    public void An_event_that_has_ended_cannot_be_published() =>
        Broken<EndedEventsCannotBePublishedRule>(() => Draft().Publish(Start.AddDays(2)));

    [Fact]
    public void Registrations_close_only_on_a_published_event()
    {
        Broken<OnlyPublishedEventsCanCloseRegistrationsRule>(() => Draft().CloseRegistrations(Now));
        var e = Published();
        e.CloseRegistrations(Now);
        e.Status.ShouldBe(EventStatus.RegistrationsClosed);
    }

    [Fact]
    public void An_event_is_completed_after_its_registrations_closed()
    {
        var e = Published();
        Broken<OnlyEventsWithClosedRegistrationsCanBeCompletedRule>(() => e.Complete(Now));
        e.CloseRegistrations(Now);
        e.Complete(Now);
        e.Status.ShouldBe(EventStatus.Completed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_draft_or_published_event_is_cancelled_with_a_reason(bool published)
    {
        var e = published ? Published() : Draft();

        e.Cancel(" Speaker ill ", Now);

        e.Status.ShouldBe(EventStatus.Cancelled);
        e.CancellationReason.ShouldBe("Speaker ill");
    }

    [Fact]
    public void A_cancellation_needs_a_reason()
    {
        var failure = Should.Throw<BusinessRuleBrokenException>(() => Published().Cancel("  ", Now));
        failure.Rule.ShouldBeOfType<CancellationNeedsAReasonRule>();
    }

    [Fact]
    public void A_closed_completed_or_cancelled_event_cannot_be_cancelled()
    {
        var closed = Published();
        closed.CloseRegistrations(Now);
        Broken<OnlyDraftOrPublishedEventsCanBeCancelledRule>(() => closed.Cancel("late", Now));
        var cancelled = Published();
        cancelled.Cancel("once", Now);
        Broken<OnlyDraftOrPublishedEventsCanBeCancelledRule>(() => cancelled.Cancel("twice", Now));
    }

    [Fact]
    public void Only_a_draft_can_be_deleted()
    {
        Draft().EnsureDeletable();
        Broken<OnlyDraftEventsCanBeDeletedRule>(() => Published().EnsureDeletable());
    }

    [Fact]
    public void An_edit_reports_what_changed_and_nothing_else()
    {
        var e = Draft();

        var changed = e.Update(new EventChanges(Title: EventTitle.Create("New title"), Capacity: EventCapacity.Create(100), WaitlistEnabled: false), null, Now);

        changed.Select(CatalogIntegrationEvents.ChangedFieldOf).ShouldBe(["title", "waitlist_enabled"]);
        e.Title.Value.ShouldBe("New title");
    }

    [Fact]
    public void A_cancelled_or_completed_event_can_no_longer_be_edited()
    {
        var e = Published();
        e.Cancel("storm", Now);
        Broken<FinishedEventsCannotBeEditedRule>(() => e.Update(new EventChanges(Description: "x"), null, Now));
    }

    [Fact]
    public void The_price_of_a_published_event_does_not_change() =>
        Broken<PriceCannotChangeAfterPublicationRule>(() => Published().Update(new EventChanges(Price: Price.Create(1000, "EUR", 2000)), null, Now));

    [Fact]
    public void The_refund_terms_of_a_published_event_do_not_change() =>
        Broken<RefundTermsCannotChangeAfterPublicationRule>(() =>
            Published().Update(new EventChanges(RefundTerms: RefundTerms.Create(RefundPolicy.FullUntilDeadline, null, 0)), null, Now));

    [Fact]
    public void A_draft_may_change_its_price_freely()
    {
        var e = Draft();
        e.Update(new EventChanges(Price: Price.Create(1000, "EUR", 2000)), null, Now).Select(CatalogIntegrationEvents.ChangedFieldOf).ShouldBe(["price"]);
        e.IsFree.ShouldBeFalse();
    }

    [Theory]
    [InlineData(80, 60, false)]
    [InlineData(80, 80, false)]
    [InlineData(80, 81, true)]
    [InlineData(80, null, true)]
    public void Capacity_never_goes_below_the_seats_taken(int newCapacity, int? taken, bool refused)
    {
        var e = Published();
        var act = () => e.Update(new EventChanges(Capacity: EventCapacity.Create(newCapacity)), taken, Now);

        if (refused)
        {
            Broken<CapacityMustCoverConfirmedSeatsRule>(() => act());
        }
        else
        {
            act().Select(CatalogIntegrationEvents.ChangedFieldOf).ShouldBe(["capacity"]);
        }
    }

    [Fact]
    public void Raising_the_capacity_needs_no_seat_count() =>
        Published().Update(new EventChanges(Capacity: EventCapacity.Create(500)), null, Now).Select(CatalogIntegrationEvents.ChangedFieldOf).ShouldBe(["capacity"]);

    [Fact]
    public void A_new_schedule_must_still_contain_the_registration_window()
    {
        var schedule = EventSchedule.Create(Start, Start.AddHours(8), "Europe/Paris");
        var e = Event.CreateDraft(EventId.New(), Organizer(), Details(RegistrationWindow.Create(null, Start.AddHours(7), schedule)), Now);

        var moved = EventSchedule.Create(Start.AddHours(-5), Start.AddHours(2), "Europe/Paris");
        Broken<RegistrationMustCloseBeforeEventEndsRule>(() => e.Update(new EventChanges(Schedule: moved), null, Now));
    }

    [Fact]
    public void An_organizer_has_a_plain_invoice_prefix_and_a_well_formed_vat_number()
    {
        Should.Throw<BusinessRuleBrokenException>(() => InvoicePrefix.Create("ac-me")).Rule.ShouldBeOfType<InvoicePrefixMustBeShortAndPlainRule>();
        InvoicePrefix.Create(" acme ").Value.ShouldBe("ACME");
        Should.Throw<BusinessRuleBrokenException>(() => OrganizerProfile.Create("ACME", Lyon(), "12345", "a@b.org", null))
            .Rule.ShouldBeOfType<VatNumberMustBeWellFormedRule>();
        Should.Throw<BusinessRuleBrokenException>(() => OrganizerProfile.Create("ACME", Lyon(), null, "not an email", null))
            .Rule.ShouldBeOfType<ContactEmailMustBeValidRule>();
        Should.Throw<BusinessRuleBrokenException>(() => OrganizerProfile.Create("ACME", Lyon() with { CountryCode = "France" }, null, "a@b.org", null))
            .Rule.ShouldBeOfType<OrganizerAddressMustBeCompleteRule>();
        OrganizerProfile.Create(" ACME ", Lyon(), "fr 40303265045", "a@b.org", "").VatNumber.ShouldBe("FR40303265045");
    }

    private static Address Lyon() => new("1 Place Bellecour", "", "69002", "Lyon", "", "FR");

    private static Organizer Organizer() =>
        global::EventPlatform.Catalog.Domain.Organizers.Organizer.Create(
            OrganizerId.New(), "alice", OrganizerProfile.Create("ACME", Lyon(), null, "a@b.org", null), InvoicePrefix.Create("ACME"), Now);

    private static EventDetails Details(RegistrationWindow? window = null)
    {
        var schedule = EventSchedule.Create(Start, Start.AddHours(8), "Europe/Paris");
        return new EventDetails(
            EventTitle.Create("DotNet Days"), "", Location.Create(null, "https://meet.example.org/dotnet"), schedule,
            window ?? RegistrationWindow.Create(null, null, schedule), EventCapacity.Create(100), null, RefundTerms.NoRefund, false, true);
    }

    private static Event Draft() => Event.CreateDraft(EventId.New(), Organizer(), Details(), Now);

    private static Event Published()
    {
        var e = Draft();
        e.Publish(Now);
        return e;
    }

    private static void Broken<TRule>(Action act) where TRule : IBusinessRule =>
        Should.Throw<BusinessRuleBrokenException>(act).Rule.ShouldBeOfType<TRule>();
}
