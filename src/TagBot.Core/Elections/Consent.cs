namespace TagBot.Core.Elections;

/// <summary>A nominee's answer to their nomination: their latest <c>/accept</c> or <c>/decline</c> while the election is open.</summary>
public enum Consent
{
    /// <summary>Nominated by someone else, no answer yet.</summary>
    Pending,

    /// <summary>Accepted, or self-nominated (a self-nomination is its own consent).</summary>
    Accepted,

    /// <summary>Declined: the nomination is withdrawn until the nominee accepts again.</summary>
    Declined,
}
