namespace TagBot.Core.Tests.Policies;

using TagBot.Core.Policies;

internal static class PolicyAssert
{
    /// <summary>Loads <paramref name="yaml"/> and asserts it has exactly one error, at that line and key.</summary>
    public static ConfigError SingleError(string yaml, int line, string key, string messagePart)
    {
        var result = PolicyLoader.Load(yaml);
        return SingleError(result.Errors, result.IsValid, line, key, messagePart);
    }

    public static ConfigError SingleError(IReadOnlyList<ConfigError> errors, bool isValid, int line, string key, string messagePart)
    {
        Assert.False(isValid);
        var error = Assert.Single(errors);
        Assert.Equal((line, key), (error.Line, error.Key));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }
}
