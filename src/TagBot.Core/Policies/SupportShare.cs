namespace TagBot.Core.Policies;

/// <summary>What a fractional <c>support_required</c> is a share of.</summary>
public enum SupportBase
{
    /// <summary>The binding positions cast, supports and objections (<c>2/3</c>, <c>2/3 of cast</c>).</summary>
    Cast,

    /// <summary>The whole electorate, whether they took part or not (<c>1/2 of electorate</c>).</summary>
    Electorate,
}

/// <summary>A support threshold written as a share: <c>2/3</c> of the binding positions cast, or <c>1/2 of electorate</c>.</summary>
public sealed record SupportShare(Fraction Share, SupportBase Of)
{
    public int Needed(int cast, int electorate) => Share.Of(Of == SupportBase.Cast ? cast : electorate);

    public static bool TryParse(string text, out SupportShare? share)
    {
        share = null;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var of = parts.Length == 1 ? SupportBase.Cast
            : parts.Length == 3 && parts[1] == "of" && parts[2] is "cast" ? SupportBase.Cast
            : parts.Length == 3 && parts[1] == "of" && parts[2] is "electorate" ? SupportBase.Electorate
            : (SupportBase?)null;
        if (of is null || !Fraction.TryParse(parts[0], out var fraction))
        {
            return false;
        }

        share = new SupportShare(fraction, of.Value);
        return true;
    }

    public override string ToString() => $"{Share} of {(Of == SupportBase.Cast ? "cast" : "electorate")}";
}
