using EventPlatform.Contracts.Billing.V1;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Notification.V1;
using EventPlatform.Contracts.Payment.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging.Envelope;
using Google.Protobuf.Reflection;

namespace EventPlatform.Tests.Messaging;

public sealed class EnvelopeConventionTests
{
    public static TheoryData<MessageDescriptor, string> EventsAndTheirTopics => new()
    {
        { EventPublished.Descriptor, "catalog.events" },
        { ProgramChanged.Descriptor, "program.events" },
        { RegistrationConfirmed.Descriptor, "registration.events" },
        { PaymentSucceeded.Descriptor, "payment.events" },
        { InvoiceIssued.Descriptor, "billing.events" },
        { DeliverySent.Descriptor, "notification.events" },
    };

    [Theory]
    [MemberData(nameof(EventsAndTheirTopics))]
    public void Each_context_publishes_on_the_topic_named_after_its_proto_package(MessageDescriptor descriptor, string topic) =>
        Topics.Of(descriptor).ShouldBe(topic);

    [Fact]
    public void The_ordering_key_is_the_catalog_event_id_wherever_the_event_carries_it()
    {
        OrderingKeys.Of(new EventCancelled { Event = new Event { Id = "event-7" } }).ShouldBe("event-7");
        OrderingKeys.Of(new RegistrationConfirmed { EventId = "event-8", Registration = new Registration { Id = "registration-1" } }).ShouldBe("event-8");
        OrderingKeys.Of(new PaymentSucceeded { EventId = "event-9" }).ShouldBe("event-9");
    }

    [Fact]
    public void An_event_without_its_catalog_event_id_cannot_be_enqueued_without_an_explicit_key()
    {
        var missing = Should.Throw<ArgumentException>(() => OrderingKeys.Of(new RegistrationConfirmed { Registration = new Registration { Id = "r" } }));

        missing.Message.ShouldStartWith("eventplatform.registration.v1.RegistrationConfirmed carries no catalog event id");
    }
}
