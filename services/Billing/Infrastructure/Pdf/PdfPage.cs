using EventPlatform.Billing.Domain.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace EventPlatform.Billing.Infrastructure.Pdf;

/// <summary>
/// One A4 page written top to bottom: a cursor moves down as blocks are added. Text is in DejaVu Sans, embedded (the
/// standard PDF fonts know neither é nor €).
/// </summary>
internal sealed class PdfPage
{
    private const double Left = 50;
    private const double Right = 545;
    private const double Bottom = 50;

    private static readonly Lazy<byte[]> RegularFont = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldFont = new(() => Font("DejaVuSans-Bold.ttf"));

    private readonly PdfDocumentBuilder _document = new();
    private readonly PdfPageBuilder _page;
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private double _y = 790;

    public PdfPage(string title)
    {
        _document.DocumentInformation.Title = title;
        _document.DocumentInformation.Producer = "EventPlatform";
        _regular = _document.AddTrueTypeFont(RegularFont.Value);
        _bold = _document.AddTrueTypeFont(BoldFont.Value);
        _page = _document.AddPage(PageSize.A4);
    }

    public void Header(string kind, string number, string date)
    {
        _page.SetTextAndFillColor(30, 60, 110);
        Text(kind, Left, _y, 22, _bold);
        _page.ResetColor();
        TextRight(number, Right, _y + 6, 11, _bold);
        TextRight(date, Right, _y - 8, 9, _regular);
        _y -= 22;
        Rule(1.2);
        _y -= 24;
    }

    public void Parties(DocumentText text, Party seller, Party buyer)
    {
        var top = _y;
        var leftEnd = Party(text.Seller, seller, Left, top, text);
        var rightEnd = Party(text.Buyer, buyer, 320, top, text);
        _y = Math.Min(leftEnd, rightEnd) - 14;
    }

    public void References(IReadOnlyList<(string Label, string Value)> references)
    {
        foreach (var (label, value) in references)
        {
            Text(label, Left, _y, 8.5, _bold);
            Text(value, Left + 130, _y, 8.5, _regular);
            _y -= 12;
        }

        _y -= 12;
    }

    /// <summary>The lines table; <paramref name="sign"/> -1 prints a credit note's amounts as negative.</summary>
    public void Lines(DocumentText text, IReadOnlyList<DocumentLine> lines, string currency, int sign)
    {
        double[] rightEdges = [300, 375, 420, 480, Right];
        _page.SetTextAndFillColor(235, 239, 245);
        _page.SetStrokeColor(235, 239, 245);
        _page.DrawRectangle(new PdfPoint(Left - 4, _y - 5), Right - Left + 8, 17, 0, fill: true);
        _page.ResetColor();
        Text(text.Description, Left, _y, 8.5, _bold);
        string[] headings = [text.Quantity, text.UnitNet, text.VatRate, text.Net, text.Gross];
        for (var i = 0; i < headings.Length; i++)
        {
            TextRight(headings[i], rightEdges[i], _y, 8.5, _bold);
        }

        _y -= 20;
        foreach (var line in lines)
        {
            var top = _y;
            foreach (var part in Wrap(line.Description, 215, 9, _regular))
            {
                Text(part, Left, _y, 9, _regular);
                _y -= 12;
            }

            string[] cells =
            [
                line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                text.Amount(sign * line.UnitNetMinor, currency),
                text.Percent(line.VatRateBasisPoints),
                text.Amount(sign * line.NetMinor, currency),
                text.Amount(sign * line.GrossMinor, currency),
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                TextRight(cells[i], rightEdges[i], top, 9, _regular);
            }

            _y -= 4;
        }

        Rule(0.5);
        _y -= 16;
    }

    public void Totals(DocumentText text, IReadOnlyList<DocumentLine> lines, string currency, int sign, string grossLabel)
    {
        var totals = DocumentTotals.Of(lines);
        Total(text.Net, text.Amount(sign * totals.NetMinor, currency), _regular);
        foreach (var rate in lines.GroupBy(l => l.VatRateBasisPoints).OrderBy(g => g.Key))
        {
            Total(text.VatOf(rate.Key), text.Amount(sign * rate.Sum(l => l.VatMinor), currency), _regular);
        }

        Total(grossLabel, text.Amount(sign * totals.GrossMinor, currency), _bold);
        _y -= 14;
    }

    public void Figure(string label, string value)
    {
        _page.SetTextAndFillColor(235, 239, 245);
        _page.SetStrokeColor(235, 239, 245);
        _page.DrawRectangle(new PdfPoint(Left - 4, _y - 10), Right - Left + 8, 28, 0, fill: true);
        _page.ResetColor();
        Text(label, Left + 4, _y, 12, _bold);
        TextRight(value, Right - 4, _y, 14, _bold);
        _y -= 36;
    }

    public void Mentions(IReadOnlyList<string> mentions)
    {
        foreach (var mention in mentions)
        {
            foreach (var part in Wrap(mention, Right - Left, 8, _regular))
            {
                Text(part, Left, _y, 8, _regular);
                _y -= 10.5;
            }

            _y -= 3;
        }
    }

    public byte[] Build() => _document.Build();

    private static byte[] Font(string file)
    {
        using var stream = typeof(PdfPage).Assembly.GetManifestResourceStream($"Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in the billing assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private double Party(string heading, Party party, double x, double y, DocumentText text)
    {
        _page.SetTextAndFillColor(110, 110, 110);
        Text(heading.ToUpperInvariant(), x, y, 8, _bold);
        _page.ResetColor();
        y -= 14;
        Text(party.LegalName, x, y, 10.5, _bold);
        y -= 13;
        var a = party.Address;
        string[] lines =
        [
            a.Line1, a.Line2, string.Join(" ", new[] { a.PostalCode, a.City }.Where(p => p.Length > 0)), a.Region, a.CountryCode,
            party.VatNumber.Length > 0 ? $"{text.VatNumber} {party.VatNumber}" : "", party.Email,
        ];
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            foreach (var part in Wrap(line, 220, 9, _regular))
            {
                Text(part, x, y, 9, _regular);
                y -= 11.5;
            }
        }

        return y;
    }

    private void Total(string label, string value, PdfDocumentBuilder.AddedFont font)
    {
        TextRight(label, 440, _y, 9.5, font);
        TextRight(value, Right, _y, 9.5, font);
        _y -= 14;
    }

    private void Rule(double width)
    {
        _page.SetStrokeColor(180, 190, 205);
        _page.DrawLine(new PdfPoint(Left - 4, _y), new PdfPoint(Right + 4, _y), width);
        _page.ResetColor();
    }

    private void Text(string text, double x, double y, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (y < Bottom)
        {
            throw new InvalidOperationException("The document does not fit on one page.");
        }

        _page.AddText(Printable(text), size, new PdfPoint(x, y), font);
    }

    private void TextRight(string text, double right, double y, double size, PdfDocumentBuilder.AddedFont font) =>
        Text(text, right - Width(text, size, font), y, size, font);

    private double Width(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = _page.MeasureText(Printable(text), size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private IEnumerable<string> Wrap(string text, double width, double size, PdfDocumentBuilder.AddedFont font)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(candidate, size, font) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    /// <summary>The narrow no-break spaces .NET puts in French numbers, as plain spaces (PDF readers copy them better).</summary>
    private static string Printable(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
