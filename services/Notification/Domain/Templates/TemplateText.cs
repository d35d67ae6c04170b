using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Domain.Templates;

/// <summary>What the template engine found in a text: its syntax error, if any, and the placeholders it prints.</summary>
public sealed record TemplateInspection(string? SyntaxError, IReadOnlyCollection<string> Placeholders);

/// <summary>A subject or body of a template: valid Liquid that prints only the placeholders its kind offers.</summary>
public sealed record TemplateText
{
    private TemplateText(string text) => Text = text;

    public string Text { get; }

    public static TemplateText Of(string fieldName, string text, MessageKind kind, TemplateInspection inspection, int maxLength)
    {
        BusinessRule.CheckAll(
            new TemplateTextMustFitRule(fieldName, text, maxLength),
            new TemplateMustBeValidLiquidRule(fieldName, inspection.SyntaxError),
            new TemplateMustUseKnownPlaceholdersRule(fieldName, kind, inspection.Placeholders));
        return new TemplateText(text);
    }

    public override string ToString() => Text;
}

public sealed class TemplateTextMustFitRule(string fieldName, string text, int maxLength) : IFieldRule
{
    public string Field => fieldName;

    public string Message => $"Required, at most {maxLength} characters.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(text) || text.Length > maxLength;
}

public sealed class TemplateMustBeValidLiquidRule(string fieldName, string? syntaxError) : IFieldRule
{
    public string Field => fieldName;

    public string Message => $"Not a valid template: {syntaxError}";

    public bool IsBroken() => syntaxError is not null;
}

public sealed class TemplateMustUseKnownPlaceholdersRule(string fieldName, MessageKind kind, IReadOnlyCollection<string> used) : IFieldRule
{
    private IEnumerable<string> Unknown => used.Where(p => !TemplatePlaceholders.For(kind).Contains(p)).Distinct();

    public string Field => fieldName;

    public string Message =>
        $"Unknown placeholder(s) {string.Join(", ", Unknown.Select(p => $"{{{{ {p} }}}}"))}; this kind of message offers {string.Join(", ", TemplatePlaceholders.For(kind).Order())}.";

    public bool IsBroken() => Unknown.Any();
}
