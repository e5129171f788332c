using System.CommandLine;
using TagBot.Load;

var url = new Option<Uri>("--url") { Description = "Webhook endpoint", DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080/api/github/webhooks") };
var secret = new Option<string>("--secret") { Description = "Webhook secret", Required = true };
var count = new Option<int>("--count") { Description = "Deliveries to post", DefaultValueFactory = _ => 1000 };
var rate = new Option<int>("--rate") { Description = "Deliveries per second (0: one after another, as fast as answered)", DefaultValueFactory = _ => 0 };
var issues = new Option<int>("--issues") { Description = "Spread deliveries over this many issues", DefaultValueFactory = _ => 50 };
var repository = new Option<string>("--repository") { DefaultValueFactory = _ => "cncf/tag-security" };
var installation = new Option<long>("--installation") { DefaultValueFactory = _ => 1 };

var root = new RootCommand("Posts signed issue_comment deliveries to a TagBot webhook endpoint and reports acknowledgement latency.")
{
    url, secret, count, rate, issues, repository, installation,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var plan = new LoadPlan(
        parse.GetValue(url)!, parse.GetValue(secret)!, parse.GetValue(count), parse.GetValue(rate), parse.GetValue(issues),
        parse.GetValue(repository)!, parse.GetValue(installation));
    var report = await LoadRun.ExecuteAsync(plan, cancellationToken);
    Console.WriteLine(report);
    return report.Failures == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
