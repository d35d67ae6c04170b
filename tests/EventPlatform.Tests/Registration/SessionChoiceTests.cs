extern alias RegistrationService;

using EventPlatform.Domain;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using RegistrationService::EventPlatform.Registrations.Domain.Sessions;
using static EventPlatform.Tests.Registrations.RegistrationFixtures;
using DomainRegistration = RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration;
using RegistrationService::EventPlatform.Registrations.Grpc;

namespace EventPlatform.Tests.Registrations;

/// <summary>What a choice of sessions must respect, decided by the registration itself (seats are counted outside).</summary>
public sealed class SessionChoiceTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_confirmed_registration_replaces_its_choice_and_says_what_to_take_and_free()
    {
        var registration = Confirmed();
        var (a, b, c) = (Talk(registration, "a", 0), Talk(registration, "b", 1), Talk(registration, "c", 2));
        registration.ChooseSessions([a.Id, b.Id], [a, b], Now);

        var change = registration.ChooseSessions([b.Id, c.Id], [b, c], Now.AddMinutes(1));

        Assert.Equal([c.Id], change.Added);
        Assert.Equal([a.Id], change.Removed);
        Assert.Equal([b.Id, c.Id], registration.SessionIds);
        Assert.Equal(Now.AddMinutes(1), registration.UpdateTime);
    }

    [Fact]
    public void Choosing_the_same_sessions_again_changes_nothing()
    {
        var registration = Confirmed();
        var a = Talk(registration, "a", 0);
        registration.ChooseSessions([a.Id], [a], Now);

        var change = registration.ChooseSessions([a.Id, a.Id], [a], Now.AddMinutes(1));

        Assert.True(change.IsEmpty);
        Assert.Equal(Now, registration.UpdateTime);
    }

    [Fact]
    public void Only_a_confirmed_registration_chooses_sessions()
    {
        var waitlisted = Request(Policy(), seatGranted: false, ticket: 7);
        var a = Talk(waitlisted, "a", 0);

        var e = Assert.Throws<BusinessRuleBrokenException>(() => waitlisted.ChooseSessions([a.Id], [a], Now));

        Assert.Equal("RegistrationMustBeConfirmedToChooseSessions", e.Rule.Name);
    }

    [Fact]
    public void Unknown_sessions_plenary_sessions_and_overlapping_sessions_are_all_named_at_once()
    {
        var registration = Confirmed();
        var keynote = Talk(registration, "keynote", 0) with { Plenary = true };
        var (first, clash) = (Talk(registration, "first", 1), Talk(registration, "clash", 1) with { StartTime = Nine.AddHours(1.5) });
        var elsewhere = Talk(registration, "elsewhere", 3) with { EventId = Guid.NewGuid() };

        var e = Assert.Throws<InvalidInputException>(() => registration.ChooseSessions(
            [keynote.Id, first.Id, clash.Id, elsewhere.Id, Guid.NewGuid().ToString()], [keynote, first, clash, elsewhere], Now));

        Assert.Equal(
            ["ChosenSessionsMustBelongToEvent", "PlenarySessionsAreNotChosen", "ChosenSessionsMustNotOverlap"],
            e.Violations.Select(v => v.Description.Split(':')[0]));
        Assert.All(e.Violations, v => Assert.Equal("session_ids", RegistrationFields.Names.ToContract(v.Field)));
        Assert.Empty(registration.SessionIds);
    }

    [Fact]
    public void Back_to_back_sessions_do_not_overlap()
    {
        var registration = Confirmed();
        var (a, b) = (Talk(registration, "a", 0), Talk(registration, "b", 1));

        registration.ChooseSessions([a.Id, b.Id], [a, b], Now);

        Assert.Equal(2, registration.SessionIds.Count);
    }

    [Fact]
    public void A_cancelled_session_is_not_newly_chosen_but_may_be_kept()
    {
        var registration = Confirmed();
        var a = Talk(registration, "a", 0);
        registration.ChooseSessions([a.Id], [a], Now);
        var cancelled = a with { Scheduled = false };
        var other = Talk(registration, "b", 1) with { Scheduled = false };

        registration.ChooseSessions([cancelled.Id], [cancelled], Now);
        var e = Assert.Throws<BusinessRuleBrokenException>(() => registration.ChooseSessions([cancelled.Id, other.Id], [cancelled, other], Now));

        Assert.Equal("ChosenSessionMustBeScheduled", e.Rule.Name);
        Assert.Equal([a.Id], registration.SessionIds);
    }

    [Fact]
    public void The_sessions_asked_for_when_registering_are_held_once_confirmed_and_freed_when_cancelled()
    {
        var registration = Confirmed();

        registration.HoldRequestedSessions(["s1"], Now);
        Assert.Equal(["s1"], registration.SessionIds);
        Assert.Empty(registration.RequestedSessionIds);

        registration.Cancel(CancellationCause.Attendee, null, Policy(), Now);
        Assert.Empty(registration.SessionIds);
    }

    private static DomainRegistration Confirmed() => Request(Policy(), seatGranted: true);

    /// <summary>One-hour talks from 09:00, back to back by <paramref name="slot"/>.</summary>
    private static Session Talk(DomainRegistration registration, string name, int slot) =>
        new(DeterministicId(name), registration.EventId, Nine.AddHours(slot), Nine.AddHours(slot + 1), 10, Plenary: false, Scheduled: true);

    private static string DeterministicId(string name) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))).ToString();
}
