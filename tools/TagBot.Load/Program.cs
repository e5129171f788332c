using System.CommandLine;
using TagBot.Load;

// System.CommandLine has no built-in Uri conversion: without the parser any --url fails.
var url = new Option<Uri>("--url")
{
    Description = "Webhook endpoint (Probot's is /api/github/webhooks too)",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080/api/github/webhooks"),
    CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
};
var secret = new Option<string>("--secret") { Description = "Webhook secret", Required = true };
var count = new Option<int>("--count") { Description = "Deliveries to post", DefaultValueFactory = _ => 1000 };
var rate = new Option<int>("--rate") { Description = "Deliveries per second (0: one after another, as fast as answered)", DefaultValueFactory = _ => 0 };
var concurrency = new Option<int>("--concurrency")
{
    Description = "Without --rate: this many senders, each posting as soon as its last answer came (closed loop)",
    DefaultValueFactory = _ => 1,
};
var issues = new Option<int>("--issues") { Description = "Spread deliveries over this many issues", DefaultValueFactory = _ => 50 };
var repository = new Option<string>("--repository") { DefaultValueFactory = _ => "cncf/tag-security" };
var installation = new Option<long>("--installation") { DefaultValueFactory = _ => 1 };

var root = new RootCommand("Posts signed issue_comment deliveries to a TagBot webhook endpoint and reports acknowledgement latency.")
{
    url, secret, count, rate, concurrency, issues, repository, installation,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var plan = new LoadPlan(
        parse.GetValue(url)!, parse.GetValue(secret)!, parse.GetValue(count), parse.GetValue(rate), parse.GetValue(concurrency), parse.GetValue(issues),
        parse.GetValue(repository)!, parse.GetValue(installation));
    var report = await LoadRun.ExecuteAsync(plan, cancellationToken);
    Console.WriteLine(report);
    return report.Failures == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
