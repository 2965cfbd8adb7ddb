using Huiqi.Cases;
using Huiqi.Web.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Huiqi.Web.Tests.Http;

/// <summary>Where the decision log's key comes from: configuration everywhere, a per-install file in Demo, nothing else.</summary>
public sealed class DecisionLogKeyTests
{
    [Fact]
    public void Production_without_a_key_refuses_to_start_saying_what_to_set()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CasesExtensions.DecisionLogKeyOf(Configuration(), new Environment("Production")));
        Assert.Contains("Huiqi:DecisionLogKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("未配置办理留痕密钥", e.Message, StringComparison.Ordinal);

        // A key too short to be a key is refused too, naming its length.
        var shortKey = Assert.Throws<InvalidOperationException>(() => CasesExtensions.DecisionLogKeyOf(Configuration(("Huiqi:DecisionLogKey", Convert.ToBase64String(new byte[16]))), new Environment("Production")));
        Assert.Contains("16", shortKey.Message, StringComparison.Ordinal);
        Assert.NotNull(CasesExtensions.DecisionLogKeyOf(Configuration(("Huiqi:DecisionLogKey", Convert.ToBase64String(new byte[32]))), new Environment("Production")));
    }

    [Fact]
    public void Demo_without_a_key_generates_one_file_per_install_and_reads_it_back()
    {
        var file = Path.Combine(Path.GetTempPath(), $"huiqi-key-{Guid.NewGuid():N}", "decision-log.key");
        try
        {
            var configuration = Configuration(("Huiqi:DecisionLogKeyFile", file));
            CasesExtensions.DecisionLogKeyOf(configuration, new Environment("Demo"));
            var written = File.ReadAllText(file);
            Assert.True(Convert.FromBase64String(written).Length >= DecisionLogKey.MinBytes);
            CasesExtensions.DecisionLogKeyOf(configuration, new Environment("Demo"));
            Assert.Equal(written, File.ReadAllText(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Huiqi.Web";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
