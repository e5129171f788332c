using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Policies.Loading;

/// <summary>A <see cref="Fraction"/> key (<c>2/3</c>, <c>0.5</c>, <c>50%</c>) or null.</summary>
internal static class FractionReader
{
    public static bool TryRead(ConfigNodeReader r, ConfigNode node, out Fraction? value)
    {
        value = null;
        if (node.IsNull)
        {
            return true;
        }

        if (node.Node is YamlScalarNode { Value: { } text } && Fraction.TryParse(text, out var fraction))
        {
            value = fraction;
            return true;
        }

        r.Report(node, $"expected a fraction above 0 and at most 1 (`2/3`, `0.5` or `50%`) or null, found {node.Describe()}");
        return false;
    }
}
