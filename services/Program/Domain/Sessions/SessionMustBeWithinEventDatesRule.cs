using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>A session takes place while its event does.</summary>
public sealed class SessionMustBeWithinEventDatesRule(TimeSlot slot, ProgramEvent programEvent) : IBusinessRule
{
    public string Message =>
        $"A session must take place within its event's dates ({programEvent.Start:yyyy-MM-dd HH:mm}–{programEvent.End:yyyy-MM-dd HH:mm} UTC); " +
        $"this one is {slot}.";

    public bool IsBroken() => !slot.IsWithin(programEvent.Start, programEvent.End);
}
