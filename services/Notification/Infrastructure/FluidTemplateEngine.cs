using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Templates;
using Fluid;

namespace EventPlatform.Notification.Infrastructure;

/// <summary>
/// Liquid through Fluid. A template is parsed once per text and cached; what it prints is read from its output tags
/// ({{ a.b | filter }}) and the conditions of its if/elsif/unless tags.
/// </summary>
public sealed partial class FluidTemplateEngine : ITemplateEngine
{
    private static readonly FluidParser Parser = new();
    private static readonly HashSet<string> Keywords = ["and", "or", "contains", "blank", "empty", "nil", "null", "true", "false"];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFluidTemplate> _parsed = new();

    public TemplateInspection Inspect(string template)
    {
        if (!Parser.TryParse(template, out _, out var error))
        {
            return new TemplateInspection(error, []);
        }

        var used = Output().Matches(template).Select(m => m.Groups["path"].Value)
            .Concat(Condition().Matches(template).SelectMany(m => Path().Matches(StringLiteral().Replace(m.Groups["condition"].Value, ""))
                .Select(p => p.Value)))
            .Where(p => !Keywords.Contains(p) && !char.IsDigit(p[0]))
            .ToList();
        return new TemplateInspection(null, used);
    }

    public string Render(string template, IReadOnlyDictionary<string, object?> model, bool html = false)
    {
        var parsed = _parsed.GetOrAdd(template, text => Parser.Parse(text));
        var context = new TemplateContext();
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return html ? parsed.Render(context, HtmlEncoder.Default) : parsed.Render(context, NullEncoder.Default);
    }

    [GeneratedRegex(@"\{\{-?\s*(?<path>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex Output();

    [GeneratedRegex(@"\{%-?\s*(?:if|elsif|unless)\s+(?<condition>.+?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Condition();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex Path();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex StringLiteral();
}
