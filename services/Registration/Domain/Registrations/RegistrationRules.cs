using EventPlatform.Domain;

namespace EventPlatform.Registrations.Domain.Registrations;

public sealed class RegistrationMustAwaitApprovalRule(Registration registration) : IBusinessRule
{
    public string Message => $"Only a registration awaiting approval can be approved or rejected; this one is {registration.Status}.";

    public bool IsBroken() => registration.Status != RegistrationStatus.AwaitingApproval;
}

public sealed class RegistrationMustBeActiveRule(Registration registration) : IBusinessRule
{
    public string Message => $"The registration is {registration.Status}: there is nothing left to cancel.";

    public bool IsBroken() => !registration.Status.IsActive();
}

public sealed class RegistrationMustBeWaitlistedRule(Registration registration) : IBusinessRule
{
    public string Message => $"Only a waitlisted registration can be promoted; this one is {registration.Status}.";

    public bool IsBroken() => registration.Status != RegistrationStatus.Waitlisted;
}

public sealed class RegistrationMustBePendingRule(Registration registration) : IBusinessRule
{
    public string Message => $"Only a registration holding a seat for payment can be confirmed by a payment; this one is {registration.Status}.";

    public bool IsBroken() => registration.Status != RegistrationStatus.Pending;
}

public sealed class HoldMustHaveLapsedRule(Registration registration, DateTimeOffset now) : IBusinessRule
{
    public string Message => "Only a pending registration whose payment deadline has passed expires.";

    public bool IsBroken() => registration.Status != RegistrationStatus.Pending || registration.HoldDeadline > now;
}

public sealed class RegistrationMustBeConfirmedToChooseSessionsRule(Registration registration) : IBusinessRule
{
    public string Message => $"Sessions are chosen once the registration is confirmed; this one is {registration.Status}.";

    public bool IsBroken() => registration.Status != RegistrationStatus.Confirmed;
}

public sealed class RegistrationMustHaveExpiredRule(Registration registration) : IBusinessRule
{
    public string Message => $"Only an expired registration takes a late payment; this one is {registration.Status}.";

    public bool IsBroken() => registration.Status != RegistrationStatus.Expired;
}
