using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TagBot.Configuration;

/// <summary>
/// Checks at start that the App's private key can sign: a key that only fails at the first
/// GitHub call would leave a service that looks healthy and never acts.
/// </summary>
public sealed class PrivateKeyCheck : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options) =>
        Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    /// <summary>What is wrong with the configured key, in one line naming the setting; null when it can sign.</summary>
    public static string? Problem(GitHubOptions options)
    {
        string pem, setting;
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            (pem, setting) = (options.PrivateKey, "GitHub__PrivateKey");
        }
        else if (!string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            setting = $"GitHub__PrivateKeyPath ({options.PrivateKeyPath})";
            if (Directory.Exists(options.PrivateKeyPath))
            {
                return $"{setting} is a folder; name the key file itself.";
            }

            try
            {
                pem = File.ReadAllText(options.PrivateKeyPath);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return $"{setting}: no such file.";
            }
            catch (UnauthorizedAccessException)
            {
                return $"{setting}: this process (user {Environment.UserName}) may not read the file; check its owner and mode "
                    + "(create-app writes it readable by its owner only; in Docker run with --user \"$(id -u):$(id -g)\").";
            }
            catch (IOException e)
            {
                return $"{setting}: cannot be read: {e.Message}";
            }
        }
        else
        {
            return null; // the required-setting rule reports this one
        }

        return CanSign(pem) ? null : $"{setting} is not an RSA private key in PEM format (-----BEGIN RSA PRIVATE KEY----- as GitHub issues it).";
    }

    private static bool CanSign(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            rsa.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); // a public key imports too, but cannot sign
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
