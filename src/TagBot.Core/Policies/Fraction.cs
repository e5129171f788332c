using System.Globalization;

namespace TagBot.Core.Policies;

/// <summary>
/// A share of a whole, as policies write it: <c>2/3</c>, <c>0.5</c> or <c>50%</c>. Kept as a ratio of
/// whole numbers so that "two thirds of 9" is exactly 6, never 5.999.
/// </summary>
public readonly record struct Fraction(int Numerator, int Denominator)
{
    /// <summary>The least whole count that reaches this share of <paramref name="whole"/> (rounded up).</summary>
    public int Of(int whole) => (int)(((long)whole * Numerator + Denominator - 1) / Denominator);

    public static bool TryParse(string text, out Fraction fraction)
    {
        fraction = default;
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text[..slash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(text[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator))
        {
            return Valid(numerator, denominator, out fraction);
        }

        var percent = text.EndsWith('%');
        if (decimal.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share))
        {
            share = percent ? share / 100 : share;
            var scaled = decimal.Round(share * 10_000);
            return scaled == share * 10_000 && Valid((int)scaled, 10_000, out fraction);
        }

        return false;
    }

    public override string ToString() => Denominator == 10_000
        ? (Numerator / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : $"{Numerator}/{Denominator}";

    private static bool Valid(int numerator, int denominator, out Fraction fraction)
    {
        fraction = new Fraction(numerator, denominator);
        return denominator > 0 && numerator > 0 && numerator <= denominator;
    }
}
