namespace EventPlatform.Billing.Domain.Documents;

/// <summary>One line of an invoice or credit note. Amounts in minor units; net + VAT = gross on every line.</summary>
public sealed record DocumentLine(
    string Description, int Quantity, long UnitNetMinor, int VatRateBasisPoints, long NetMinor, long VatMinor, long GrossMinor)
{
    /// <summary>
    /// A line from what is paid, VAT included (an attendee pays the price shown): the net is the gross without VAT,
    /// rounded to the minor unit, and the VAT what is left, so the gross is exact.
    /// </summary>
    public static DocumentLine FromGross(string description, int quantity, long grossMinor, int vatRateBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var net = NetOf(grossMinor, vatRateBasisPoints);
        return new DocumentLine(
            description, quantity, NetOf(grossMinor / quantity, vatRateBasisPoints), vatRateBasisPoints, net, grossMinor - net, grossMinor);
    }

    private static long NetOf(long grossMinor, int vatRateBasisPoints) =>
        (long)Math.Round(grossMinor * 10_000m / (10_000 + vatRateBasisPoints), MidpointRounding.AwayFromZero);
}

/// <summary>Lines and their totals, computed from them (never given).</summary>
public sealed record DocumentTotals(long NetMinor, long VatMinor, long GrossMinor)
{
    public static DocumentTotals Of(IEnumerable<DocumentLine> lines)
    {
        var all = lines.ToList();
        return new DocumentTotals(all.Sum(l => l.NetMinor), all.Sum(l => l.VatMinor), all.Sum(l => l.GrossMinor));
    }
}
