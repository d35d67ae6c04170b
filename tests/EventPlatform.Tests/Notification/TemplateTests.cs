using EventPlatform.Domain;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Templates;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.Notification.Grpc;
using EventPlatform.Notification.Infrastructure;

namespace EventPlatform.Tests.Notification;

/// <summary>Every default template, in both languages, is valid and renders with what its kind offers; a misspelt placeholder is refused.</summary>
public sealed class TemplateTests
{
    private readonly FluidTemplateEngine _engine = new();

    [Fact]
    public void Every_automatic_message_has_an_english_and_a_french_default_that_passes_the_checks()
    {
        var kinds = System.Enum.GetValues<MessageKind>().Where(k => k != MessageKind.OrganizerMessage).ToList();

        DefaultTemplates.All.Select(t => (t.Kind, t.Locale)).Order().ShouldBe(kinds.SelectMany(k => new[] { (k, "en"), (k, "fr") }).Order());
        foreach (var text in DefaultTemplates.All)
        {
            Should.NotThrow(() => TemplateText.Of("BodyText", text.Body, text.Kind, _engine.Inspect(text.Body), MessageTemplate.MaxBodyLength), $"{text.Kind} {text.Locale}");
            Should.NotThrow(() => TemplateText.Of("Subject", text.Subject, text.Kind, _engine.Inspect(text.Subject), MessageTemplate.MaxSubjectLength));
        }
    }

    [Theory]
    [InlineData("en", "Your seat at DotNet Days Lyon is held until Monday 1 February 2027, 10:15", "Pay 150.00 € by Monday 1 February 2027, 10:15")]
    [InlineData("fr", "Votre place à DotNet Days Lyon est réservée jusqu'au lundi 1 février 2027 à 10:15", "Réglez 150,00 € avant le lundi 1 février 2027 à 10:15")]
    public void A_template_renders_in_the_recipients_language_and_the_events_time_zone(string locale, string subject, string sentence)
    {
        var text = DefaultTemplates.All.Single(t => t.Kind == MessageKind.PaymentDue && t.Locale == locale);
        var model = MessageModel.For(SampleEvent.Instance, "Zoé", "zoe@example.org", locale, Guid.Empty, "https://events.example.org", SampleEvent.Extras(locale));

        _engine.Render(text.Subject, model).ShouldBe(subject);
        _engine.Render(text.Body, model).ShouldContain(sentence);
        _engine.Render(text.Body, model).ShouldContain("Zoé");
    }

    [Fact]
    public void An_unknown_placeholder_is_refused_naming_the_field_and_the_placeholder()
    {
        var input = new InputValidation();
        input.Capture(() => TemplateText.Of("BodyText", "Hello {{ attendee.nme }}, {% if payment.deadline %}pay{% endif %}", MessageKind.Waitlisted,
            _engine.Inspect("Hello {{ attendee.nme }}, {% if payment.deadline %}pay{% endif %}"), 100));
        input.Capture(() => TemplateText.Of("Subject", "Hi {{ attendee.name ", MessageKind.Waitlisted, _engine.Inspect("Hi {{ attendee.name "), 100));

        var failure = Should.Throw<InvalidInputException>(input.ThrowIfInvalid);

        failure.Violations.Select(v => NotificationFields.Names.ToContract(v.Field)).ShouldBe(["body_text", "subject"]);
        failure.Violations[0].Description.ShouldContain("{{ attendee.nme }}");
        failure.Violations[0].Description.ShouldContain("{{ payment.deadline }}");
    }

    [Fact]
    public void Printed_values_are_escaped_in_html_bodies_and_left_as_they_are_in_text()
    {
        var model = new Dictionary<string, object?> { ["attendee"] = new Dictionary<string, object?> { ["name"] = "<b>Ada</b>" } };

        _engine.Render("<p>{{ attendee.name }}</p>", model, html: true).ShouldBe("<p>&lt;b&gt;Ada&lt;/b&gt;</p>");
        _engine.Render("{{ attendee.name }}", model).ShouldBe("<b>Ada</b>");
    }
}
