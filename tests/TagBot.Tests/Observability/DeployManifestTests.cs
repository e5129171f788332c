using System.Text.RegularExpressions;
using static TagBot.Tests.Observability.Manifest;

namespace TagBot.Tests.Observability;

/// <summary>
/// The Kubernetes manifests in deploy/ parse, fit together (selectors, Secret keys, volumes,
/// ports) and configure TagBot only with settings the README documents.
/// </summary>
public sealed partial class DeployManifestTests
{
    public static TheoryData<string> Variants => new() { "sqlite", "postgres" };

    private static IReadOnlyList<Manifest> Variant(string name) =>
        [.. Directory.GetFiles(RepositoryFiles.PathOf(Path.Combine("deploy", name)), "*.yaml").Order(StringComparer.Ordinal).SelectMany(Load)];

    private static Manifest Single(IReadOnlyList<Manifest> manifests, string kind) => Assert.Single(manifests, m => m.Kind == kind);

    private static IReadOnlyDictionary<string, object?> Container(Manifest deployment) =>
        (IReadOnlyDictionary<string, object?>)Assert.Single(Items(deployment["spec", "template", "spec", "containers"]))!;

    private static Dictionary<string, object?> Env(Manifest deployment) =>
        Items(Get(Container(deployment), "env")).ToDictionary(e => (string)Get(e, "name")!, e => e, StringComparer.Ordinal);

    [Fact]
    public void Every_file_under_deploy_is_a_kubernetes_object_with_kind_api_version_and_name()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("deploy"), "*.*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.EndsWith(".yaml", file, StringComparison.Ordinal);
            foreach (var manifest in Load(file))
            {
                Assert.False(string.IsNullOrEmpty(manifest["apiVersion"] as string), file);
                Assert.False(string.IsNullOrEmpty(manifest["kind"] as string), file);
                Assert.True(manifest.Kind == "Kustomization" || manifest.Name.Length > 0, $"{file}: metadata.name");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_kustomization_lists_every_manifest_but_the_secret_template(string variant)
    {
        var folder = RepositoryFiles.PathOf(Path.Combine("deploy", variant));
        var kustomization = Assert.Single(Load(Path.Combine(folder, "kustomization.yaml")));
        var listed = Items(kustomization["resources"]).Cast<string>().Order(StringComparer.Ordinal).ToList();
        var present = Directory.GetFiles(folder, "*.yaml").Select(f => Path.GetFileName(f))
            .Where(f => f is not "kustomization.yaml" and not "secret.yaml").Order(StringComparer.Ordinal).ToList();

        // The Secret is applied (or created) on its own: re-applying the template must not overwrite real keys.
        Assert.Equal(present, listed);
        Assert.True(File.Exists(Path.Combine(folder, "secret.yaml")));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_container_is_probed_on_the_health_endpoints_and_runs_locked_down(string variant)
    {
        var deployment = Single(Variant(variant), "Deployment");
        var container = Container(deployment);

        Assert.Matches(@"^\S+:\S+$", Get(container, "image") as string ?? "");
        Assert.Equal("8080", Get(container, "ports", 0, "containerPort"));
        Assert.Equal("http", Get(container, "ports", 0, "name"));
        Assert.Equal("/healthz", Get(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Get(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Get(container, "startupProbe", "httpGet", "path"));
        Assert.NotNull(Get(container, "resources", "requests", "memory"));
        Assert.NotNull(Get(container, "resources", "limits", "memory"));

        Assert.Equal("true", deployment["spec", "template", "spec", "securityContext", "runAsNonRoot"]);
        Assert.NotEqual("0", deployment["spec", "template", "spec", "securityContext", "runAsUser"]);
        Assert.Equal("true", Get(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Get(container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Contains("/tmp", Items(Get(container, "volumeMounts")).Select(m => Get(m, "mountPath")));
        Assert.Equal("/metrics", deployment["spec", "template", "metadata", "annotations", "prometheus.io/path"]);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Selectors_match_the_pod_labels_and_the_service_reaches_the_container_port(string variant)
    {
        var manifests = Variant(variant);
        var deployment = Single(manifests, "Deployment");
        var podLabels = (IReadOnlyDictionary<string, object?>)deployment["spec", "template", "metadata", "labels"]!;
        void AssertSelects(object? selector)
        {
            var pairs = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(selector);
            Assert.NotEmpty(pairs);
            Assert.All(pairs, p => Assert.Equal(p.Value, podLabels.GetValueOrDefault(p.Key)));
        }

        AssertSelects(deployment["spec", "selector", "matchLabels"]);
        var service = Single(manifests, "Service");
        AssertSelects(service["spec", "selector"]);
        Assert.Equal("http", service["spec", "ports", 0, "targetPort"]);
        foreach (var budget in manifests.Where(m => m.Kind == "PodDisruptionBudget"))
        {
            AssertSelects(budget["spec", "selector", "matchLabels"]);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Settings_are_documented_in_the_readme_and_secrets_come_from_the_secret(string variant)
    {
        var manifests = Variant(variant);
        var deployment = Single(manifests, "Deployment");
        var secret = Single(manifests, "Secret");
        var secretKeys = ((IReadOnlyDictionary<string, object?>)secret["stringData"]!).Keys.ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedSettings();
        var env = Env(deployment);

        Assert.All(env.Keys, name => Assert.Contains(name, documented));
        foreach (var reference in env.Values.Select(e => Get(e, "valueFrom", "secretKeyRef")).Where(r => r is not null))
        {
            Assert.Equal(secret.Name, Get(reference, "name"));
            Assert.Contains((string)Get(reference, "key")!, secretKeys);
        }

        // What the service refuses to start without, and secrets never as plain values.
        Assert.NotNull(Get(env["GitHub__AppId"], "valueFrom", "secretKeyRef"));
        Assert.NotNull(Get(env["GitHub__WebhookSecret"], "valueFrom", "secretKeyRef"));
        Assert.DoesNotContain("GitHub__PrivateKey", env.Keys);
        Assert.All(Items(secret["stringData"] is IReadOnlyDictionary<string, object?> data ? data.Values.ToList() : null), v => Assert.Contains("REPLACE_ME", (string)v!, StringComparison.Ordinal));

        // The key file lies in the mounted Secret volume, under the name the volume gives it.
        var keyPath = (string)Get(env["GitHub__PrivateKeyPath"], "value")!;
        var volume = Items(deployment["spec", "template", "spec", "volumes"]).Single(v => Get(v, "secret", "secretName") as string == secret.Name);
        var mount = Items(Get(Container(deployment), "volumeMounts")).Single(m => Get(m, "name") as string == Get(volume, "name") as string);
        var item = Items(Get(volume, "secret", "items")).Single();
        Assert.Equal($"{Get(mount, "mountPath")}/{Get(item, "path")}", keyPath);
        Assert.Contains((string)Get(item, "key")!, secretKeys);
    }

    [Fact]
    public void Sqlite_is_one_replica_recreated_on_a_persistent_volume()
    {
        var manifests = Variant("sqlite");
        var deployment = Single(manifests, "Deployment");
        var env = Env(deployment);

        Assert.Equal("1", deployment["spec", "replicas"]);
        Assert.Equal("Recreate", deployment["spec", "strategy", "type"]);
        Assert.Equal("sqlite", Get(env["Storage__Provider"], "value"));
        var database = Regex.Match((string)Get(env["Storage__ConnectionString"], "value")!, "^Data Source=(?<path>/.+)$");
        Assert.True(database.Success);

        var claim = Single(manifests, "PersistentVolumeClaim");
        var volume = Items(deployment["spec", "template", "spec", "volumes"]).Single(v => Get(v, "persistentVolumeClaim", "claimName") as string == claim.Name);
        var mount = Items(Get(Container(deployment), "volumeMounts")).Single(m => Get(m, "name") as string == Get(volume, "name") as string);
        Assert.StartsWith((string)Get(mount, "mountPath")! + "/", database.Groups["path"].Value, StringComparison.Ordinal);
        Assert.Equal("ReadWriteOnce", claim["spec", "accessModes", 0]);
        Assert.Equal("1654", deployment["spec", "template", "spec", "securityContext", "fsGroup"]);
    }

    [Fact]
    public void Postgres_is_several_replicas_rolled_one_at_a_time_on_a_shared_database()
    {
        var manifests = Variant("postgres");
        var deployment = Single(manifests, "Deployment");
        var env = Env(deployment);

        Assert.True(int.Parse((string)deployment["spec", "replicas"]!, System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Equal("RollingUpdate", deployment["spec", "strategy", "type"]);
        Assert.Equal("0", deployment["spec", "strategy", "rollingUpdate", "maxUnavailable"]);
        Assert.Equal("postgres", Get(env["Storage__Provider"], "value"));
        Assert.Equal("storage-connection-string", Get(env["Storage__ConnectionString"], "valueFrom", "secretKeyRef", "key"));
        Assert.DoesNotContain(manifests, m => m.Kind == "PersistentVolumeClaim");
        Assert.DoesNotContain(Items(deployment["spec", "template", "spec", "volumes"]), v => Get(v, "persistentVolumeClaim") is not null);
        var budget = Single(manifests, "PodDisruptionBudget");
        Assert.True(int.Parse((string)budget["spec", "minAvailable"]!, System.Globalization.CultureInfo.InvariantCulture)
            < int.Parse((string)deployment["spec", "replicas"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_with_a_healthcheck_the_app_answers()
    {
        var dockerfile = File.ReadAllText(RepositoryFiles.PathOf("Dockerfile"));
        var user = Regex.Matches(dockerfile, @"^USER\s+(\S+)", RegexOptions.Multiline).Last().Groups[1].Value;
        var runtime = Regex.Matches(dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Last().Groups[1].Value;

        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", runtime, StringComparison.Ordinal);
        Assert.Matches(@"HEALTHCHECK[^\n]*\\\n\s*CMD \[""dotnet"", ""/app/TagBot.dll"", ""--healthcheck""", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/TagBot.dll\"]", dockerfile, StringComparison.Ordinal);
        // The deployments run the image with the same user id the image declares.
        foreach (var variant in new[] { "sqlite", "postgres" })
        {
            Assert.Equal(user, Single(Variant(variant), "Deployment")["spec", "template", "spec", "securityContext", "runAsUser"]);
        }
    }

    /// <summary>First backticked name of each row of the README's settings table.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        return [.. SettingRow().Matches(readme).Select(m => m.Groups["name"].Value)];
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_]+)`", RegexOptions.Multiline)]
    private static partial Regex SettingRow();
}
