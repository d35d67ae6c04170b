using EventPlatform.Notification.Domain.Templates;

namespace EventPlatform.Notification.Application.Ports;

/// <summary>Liquid templates: what a text prints, and the text rendered with a model of nested dictionaries.</summary>
public interface ITemplateEngine
{
    TemplateInspection Inspect(string template);

    /// <param name="html">An HTML body: printed values are escaped.</param>
    string Render(string template, IReadOnlyDictionary<string, object?> model, bool html = false);
}
