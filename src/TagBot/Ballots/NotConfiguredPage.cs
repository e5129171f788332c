namespace TagBot.Ballots;

/// <summary>
/// The ballot address without an OAuth client (<c>GitHub__ClientId</c>): one fixed page, no MVC.
/// No status comment links it then; it answers whoever typed the address.
/// </summary>
internal static class NotConfiguredPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Secret ballot · TagBot</title>
            <style>
                body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f8fa; }
                main { max-width: 44rem; margin: 0 auto; padding: 1rem; background: #fff; min-height: 100vh; }
                @media (min-width: 48rem) { main { margin: 1.5rem auto; min-height: 0; border: 1px solid #d1d9e0; border-radius: .5rem; padding: 1.5rem 2rem; } }
                h1 { font-size: 1.5rem; line-height: 1.25; margin: .25rem 0 .75rem; }
                .notice { border-left: .3rem solid #0b5cad; background: #eef5fc; padding: .75rem 1rem; margin: 1rem 0; }
            </style>
        </head>
        <body>
        <main>
            <h1>Secret ballot</h1>
            <p class="notice" role="status">Secret ballots are not configured on this TagBot: its operator has not set the GitHub App's OAuth client (<code>GitHub__ClientId</code>). Elections here are voted with comments on their issue.</p>
        </main>
        </body>
        </html>
        """;
}
