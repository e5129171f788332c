using System.Security.Cryptography;
using System.Text;

namespace TagBot.Ballots;

/// <summary>
/// A ballot's receipt: 80 random bits as 16 Crockford base32 characters in four groups
/// (<c>7Q2M-K9XD-4HTR-B1ZE</c>): no I, L, O or U to misread, short enough to copy by hand.
/// </summary>
public static class ReceiptCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Bits = 80;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Bits / 8];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(19);
        var buffer = 0;
        var buffered = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            buffered += 8;
            while (buffered >= 5)
            {
                buffered -= 5;
                if (code.Length is 4 or 9 or 14)
                {
                    code.Append('-');
                }

                code.Append(Alphabet[(buffer >> buffered) & 31]);
            }
        }

        return code.ToString();
    }
}
